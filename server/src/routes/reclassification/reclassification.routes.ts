import { Decided, Reclassification } from '@dossier/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { reclassDecisions } from '../../db/schema.ts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { ApiError } from '../../lib/errors.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { validate } from '../../lib/validate.ts';
import { updateCustomer } from '../../services/customers.ts';
import { lastCompleteMonth, proposeReclassification, tierDistribution } from '../../services/reclassification.ts';
import { getSettings } from '../../services/settings.ts';

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

export const reclassificationDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/reclassification',
    summary: 'Monthly tier proposals with their reasons, and the tier distribution against the 20/40/40 guide',
    query: Query,
    responses: { 200: Reclassification },
  },
  {
    method: 'post',
    path: '/api/reclassification/decisions',
    summary: 'Accept or reject proposals; accepted ones change the tier and enter the tier history with the reason',
    body: Decisions,
    responses: { 200: Decided },
  },
];

export const reclassificationRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/', validate('query', Query), (c) => {
      const settings = getSettings(deps.db);
      const now = deps.clock();
      const month = c.req.valid('query').month ?? lastCompleteMonth(now, settings.timeZone);
      const viewer = c.get('viewer');
      const judged = proposeReclassification(deps.db, month, settings, viewer, now);
      return c.json({ month, ...judged, distribution: tierDistribution(deps.db, viewer) }, 200);
    })
    .post('/decisions', validate('json', Decisions), (c) => {
      const { month, decisions } = c.req.valid('json');
      const viewer = c.get('viewer');
      const settings = getSettings(deps.db);
      const now = deps.clock();
      const result = deps.db.transaction((tx) => {
        const open = new Map(
          proposeReclassification(deps.db, month, settings, viewer, now).proposals.map((p) => [p.customerId, p]),
        );
        let accepted = 0;
        for (const d of decisions) {
          const p = open.get(d.customerId);
          if (!p)
            throw new ApiError('conflict', `no open proposal for customer ${d.customerId} in ${month}`, {
              customerId: d.customerId,
            });
          if (d.accept) {
            const why = `reclassification ${month}: ${p.reasons.map((r) => r.code).join(', ')}${d.note ? ` — ${d.note}` : ''}`;
            updateCustomer(deps.db, p.customerId, { tier: p.to }, now, settings, viewer, why);
            accepted++;
          }
          tx.insert(reclassDecisions)
            .values({
              customerId: p.customerId,
              month,
              fromTier: p.from,
              toTier: p.to,
              accepted: d.accept,
              reasons: p.reasons,
              decidedBy: viewer.name,
              at: now.toISOString(),
            })
            .run();
          open.delete(d.customerId);
        }
        return { accepted, rejected: decisions.length - accepted };
      });
      return c.json(result, 200);
    });
