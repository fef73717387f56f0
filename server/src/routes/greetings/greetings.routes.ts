import { Greetings } from '@dossier/shared';
import { z } from 'zod';
import { json, router, routesOf } from '../../lib/openapi.ts';
import { greetings } from '../../services/greetings.ts';

const Query = z.object({ days: z.coerce.number().int().min(1).max(366).default(14) });

const route = routesOf('greetings');

const list = route({
  method: 'get',
  path: '/',
  operationId: 'getGreetings',
  summary:
    "Upcoming birthdays and holidays, and this week's Friday list of A customers' key people not yet greeted — each with a personal draft",
  request: { query: Query },
  responses: { 200: json(Greetings, 'Occasions and drafts') },
});

export const greetingRoutes = () =>
  router().openapi(list, async (c) => {
    const { store, now, viewer } = c.get('ctx');
    const settings = await c.get('ctx').settings();
    return c.json(await greetings(store, now, settings, viewer, c.req.valid('query').days), 200);
  });
