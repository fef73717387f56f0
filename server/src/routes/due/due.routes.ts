import { DueBoard, DueQuery } from '@dossier/shared';
import { json, router, routesOf } from '../../lib/openapi.ts';
import { dueBoard } from '../../services/board.ts';

const route = routesOf('board');

const board = route({
  method: 'get',
  path: '/',
  operationId: 'getDueBoard',
  summary: 'The board: overdue, today, tomorrow, this week',
  request: { query: DueQuery },
  responses: { 200: json(DueBoard, 'What is due, grouped') },
});

export const dueRoutes = () =>
  router().openapi(board, async (c) => {
    const { within, owner, limit } = c.req.valid('query');
    const { store, now, viewer } = c.get('ctx');
    const settings = await c.get('ctx').settings();
    return c.json(await dueBoard(store, now, settings, Number.parseInt(within, 10), viewer, owner, limit), 200);
  });
