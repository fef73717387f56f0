import { CustomerDetail, id, shortText } from '@dossier/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../deps.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { IdParam } from '../../lib/params.ts';
import { validate } from '../../lib/validate.ts';
import { mergeCustomers, undoMerge } from '../../services/merge.ts';
import { getSettings } from '../../services/settings.ts';

const MergeBody = z.object({ from: id, idempotencyKey: shortText.min(8).optional() });
const MergeParam = z.object({ mergeId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const Merge = z.object({
  mergeId: z.number(),
  survivorId: z.number(),
  fromId: z.number(),
  at: z.string(),
  /** Undo is possible until then (the end of the day after the merge, in the configured zone). */
  undoUntil: z.string(),
  undoneAt: z.string().nullable(),
  filled: z.array(z.string()),
  moved: z.record(z.string(), z.number()),
  survivor: CustomerDetail.nullable(),
});
const Undone = z.object({ mergeId: z.number(), survivorId: z.number(), fromId: z.number(), undoneAt: z.string() });

export const mergeDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/customers/:id/merge',
    summary:
      'Merge another file into this one (keys, people, history, promises…); undoable until the end of the next day',
    body: MergeBody,
    responses: { 201: Merge, 200: Merge },
  },
  {
    method: 'post',
    path: '/api/merges/:mergeId/undo',
    summary: 'Undo a merge: every moved row goes back and the removed file returns (409 once too late)',
    responses: { 200: Undone },
  },
];

export const mergeRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post('/customers/:id/merge', validate('param', IdParam), validate('json', MergeBody), (c) => {
      const body = c.req.valid('json');
      const { replayed, ...merge } = mergeCustomers(
        deps.db,
        c.get('viewer'),
        c.req.valid('param').id,
        body.from,
        deps.clock(),
        getSettings(deps.db),
        body.idempotencyKey,
      );
      return c.json(merge, replayed ? 200 : 201);
    })
    .post('/merges/:mergeId/undo', validate('param', MergeParam), (c) =>
      c.json(
        undoMerge(deps.db, c.get('viewer'), c.req.valid('param').mergeId, deps.clock(), getSettings(deps.db)),
        200,
      ),
    );
