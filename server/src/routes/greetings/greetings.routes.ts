import { Greetings } from '@dossier/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../deps.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { validate } from '../../lib/validate.ts';
import { greetings } from '../../services/greetings.ts';
import { getSettings } from '../../services/settings.ts';

const Query = z.object({ days: z.coerce.number().int().min(1).max(366).default(14) });

export const greetingDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/greetings',
    summary:
      "Upcoming birthdays and holidays, and this week's Friday list of A customers' key people not yet greeted — each with a personal draft",
    query: Query,
    responses: { 200: Greetings },
  },
];

export const greetingRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', validate('query', Query), (c) =>
    c.json(greetings(deps.db, deps.clock(), getSettings(deps.db), c.get('viewer'), c.req.valid('query').days), 200),
  );
