import { DueBoard, DueQuery } from '@dossier/shared';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { validate } from '../../lib/validate.ts';
import { dueBoard } from '../../services/board.ts';
import { getSettings } from '../../services/settings.ts';

export const dueDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/due',
    summary: 'The board: overdue, today, tomorrow, this week',
    query: DueQuery,
    responses: { 200: DueBoard },
  },
];

export const dueRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', validate('query', DueQuery), (c) => {
    const { within, owner, limit } = c.req.valid('query');
    return c.json(
      dueBoard(deps.db, deps.clock(), getSettings(deps.db), Number.parseInt(within, 10), c.get('viewer'), owner, limit),
      200,
    );
  });
