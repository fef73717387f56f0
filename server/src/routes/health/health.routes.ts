import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../deps.ts';
import type { RouteDoc } from '../../lib/openapi.ts';

export const Health = z.object({ ok: z.literal(true), name: z.literal('dossier'), version: z.string() });

export const healthDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness; the only route without a token',
    responses: { 200: Health },
    public: true,
  },
];

export const healthRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', (c) => c.json({ ok: true as const, name: 'dossier' as const, version: deps.version }));
