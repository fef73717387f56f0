import { Lost } from '@dossier/shared';
import { z } from 'zod';
import { json, router, routesOf } from '../../lib/openapi.ts';
import { lostCustomers } from '../../services/lost.ts';

const Query = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });

const route = routesOf('lost');

const list = route({
  method: 'get',
  path: '/',
  operationId: 'getLostCustomers',
  summary: 'Lost customers: which, when and why, counted by tier, owner and reason',
  request: { query: Query },
  responses: { 200: json(Lost, 'Lost customers, latest first, with their counts') },
});

export const lostRoutes = () =>
  router().openapi(list, async (c) => {
    const { from, to } = c.req.valid('query');
    const ctx = c.get('ctx');
    const { timeZone } = await ctx.settings();
    return c.json(await lostCustomers(ctx.store, ctx.viewer, timeZone, from, to), 200);
  });
