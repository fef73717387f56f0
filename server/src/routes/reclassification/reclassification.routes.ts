import { Decided, Reclassification } from '@dossier/shared';
import { z } from 'zod';
import { json, router, routesOf } from '../../lib/openapi.ts';
import {
  decideReclassification,
  lastCompleteMonth,
  proposeReclassification,
  tierDistribution,
} from '../../services/reclassification.ts';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'like 2026-11');
/** Without a month: the last complete one (the unfinished month is judged only if asked for). */
const Query = z.object({ month: Month.optional() });
const Decisions = z.object({
  month: Month,
  decisions: z
    .array(
      z.object({ customerId: z.number().int().positive(), accept: z.boolean(), note: z.string().max(500).optional() }),
    )
    .min(1)
    .max(10_000),
});

const route = routesOf('reclassification');

const proposals = route({
  method: 'get',
  path: '/',
  operationId: 'getReclassification',
  summary: 'Monthly tier proposals with their reasons, and the tier distribution against the 20/40/40 guide',
  request: { query: Query },
  responses: { 200: json(Reclassification, "The month's proposals and the distribution") },
});

const decide = route({
  method: 'post',
  path: '/decisions',
  operationId: 'decideReclassification',
  summary: 'Accept or reject proposals; accepted ones change the tier and enter the tier history with the reason',
  request: { body: { content: { 'application/json': { schema: Decisions } } } },
  errors: [409],
  responses: { 200: json(Decided, 'How many were accepted and rejected') },
});

export const reclassificationRoutes = () =>
  router()
    .openapi(proposals, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      const month = c.req.valid('query').month ?? lastCompleteMonth(now, settings.timeZone);
      const judged = await proposeReclassification(store, month, settings, viewer, now);
      return c.json({ month, ...judged, distribution: await tierDistribution(store, viewer) }, 200);
    })
    .openapi(decide, async (c) => {
      const { month, decisions } = c.req.valid('json');
      const { store, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      return c.json(await decideReclassification(store, month, decisions, now, settings, viewer), 200);
    });
