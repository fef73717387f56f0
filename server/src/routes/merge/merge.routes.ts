import { CustomerDetail, id, shortText } from '@dossier/shared';
import { z } from 'zod';
import { json, router, routesOf } from '../../lib/openapi.ts';
import { Id, IdParam } from '../../lib/params.ts';
import { mergeCustomers, undoMerge } from '../../services/merge.ts';

const MergeBody = z.object({ from: id, idempotencyKey: shortText.min(8).optional() });
const MergeParam = z.object({ mergeId: Id });
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

const route = routesOf('merge');

const merge = route({
  method: 'post',
  path: '/customers/{id}/merge',
  operationId: 'mergeCustomers',
  summary:
    'Merge another file into this one (keys, people, history, promises…); undoable until the end of the next day',
  description: 'The file merged away (`from`) is removed: only its owner or a manager merges it (403 otherwise).',
  request: { params: IdParam, body: { content: { 'application/json': { schema: MergeBody } } } },
  errors: [404, 409],
  responses: {
    201: json(Merge, 'Merged'),
    200: json(Merge, 'A replay (same user, request and idempotencyKey): the first result'),
  },
});

const undo = route({
  method: 'post',
  path: '/merges/{mergeId}/undo',
  operationId: 'undoMerge',
  summary: 'Undo a merge: every moved row goes back and the removed file returns (409 once too late)',
  request: { params: MergeParam },
  errors: [404, 409],
  responses: { 200: json(Undone, 'Undone') },
});

export const mergeRoutes = () =>
  router()
    .openapi(merge, async (c) => {
      const body = c.req.valid('json');
      const { store, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      const { replayed, ...result } = await mergeCustomers(
        store,
        viewer,
        c.req.valid('param').id,
        body.from,
        now,
        settings,
        body.idempotencyKey,
      );
      return replayed ? c.json(result, 200) : c.json(result, 201);
    })
    .openapi(undo, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      return c.json(await undoMerge(store, viewer, c.req.valid('param').mergeId, now, settings), 200);
    });
