import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { json, router, routesOf } from '../../lib/openapi.ts';

export const Health = z.object({ ok: z.literal(true), name: z.literal('dossier'), version: z.string() });

const route = routesOf('health');

const health = route({
  method: 'get',
  path: '/',
  operationId: 'getHealth',
  summary: 'Liveness; the only /api route without a token',
  public: true,
  responses: { 200: json(Health, 'The server is up, and is Dossier') },
});

export const healthRoutes = (deps: AppDeps) =>
  router().openapi(health, (c) => c.json({ ok: true as const, name: 'dossier' as const, version: deps.version }, 200));
