import { Focus } from '@dossier/shared';
import { z } from 'zod';
import { empty, json, router, routesOf } from '../../lib/openapi.ts';
import { readFocus, writeFocus } from '../../services/focus.ts';

/** A day "2026-11-23" or an ISO week "2026-W48". */
const Period = z.string().regex(/^\d{4}-(\d{2}-\d{2}|W\d{2})$/, 'a day (2026-11-23) or a week (2026-W48)');
const Note = z.object({ period: Period, text: z.string().max(4000) });

const route = routesOf('board');

const read = route({
  method: 'get',
  path: '/',
  operationId: 'getFocus',
  summary: "The board's focus notes for today, tomorrow and this week",
  responses: { 200: json(Focus, "The viewer's three notes (empty text when none)") },
});

const write = route({
  method: 'put',
  path: '/',
  operationId: 'putFocus',
  summary: 'Write a focus note for a day or a week',
  request: { body: { content: { 'application/json': { schema: Note } } } },
  responses: { 204: empty('Saved') },
});

export const focusRoutes = () =>
  router()
    .openapi(read, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      return c.json(await readFocus(store, now, settings.timeZone, viewer), 200);
    })
    .openapi(write, async (c) => {
      const { period, text } = c.req.valid('json');
      const { store, now, viewer } = c.get('ctx');
      await writeFocus(store, period, text, now, viewer);
      return c.body(null, 204);
    });
