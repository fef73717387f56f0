import {
  Commitment,
  CommitmentCreate,
  CommitmentUpdate,
  CommitmentWithdraw,
  Interaction,
  InteractionCreate,
} from '@dossier/shared';
import { z } from 'zod';
import { json, router, routesOf } from '../../lib/openapi.ts';
import { IdParam } from '../../lib/params.ts';
import { createCommitment, keepCommitment, updateCommitment, withdrawCommitment } from '../../services/commitments.ts';
import { logInteraction, undoInteraction } from '../../services/interactions.ts';

const Undone = z.object({ interaction: Interaction });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } } } });

const interactionRoute = routesOf('interactions');
const commitmentRoute = routesOf('commitments');

const log = interactionRoute({
  method: 'post',
  path: '/interactions',
  operationId: 'logInteraction',
  summary:
    'Log a call, visit, e-mail, sms, meeting, greeting or note (idempotent on idempotencyKey: the same request again answers 200 with the first result; the key with another request or from another user is 409)',
  request: body(InteractionCreate),
  errors: [404, 409],
  responses: {
    201: json(Interaction, 'Logged; due dates recomputed'),
    200: json(Interaction, 'A replay (same user, request and idempotencyKey): the first result'),
  },
});

const undo = interactionRoute({
  method: 'delete',
  path: '/interactions/{id}',
  operationId: 'undoInteraction',
  summary: 'Undo a logged interaction; due dates are recomputed',
  request: { params: IdParam },
  errors: [404],
  responses: { 200: json(Undone, 'The interaction as it was, now undone') },
});

const promise = commitmentRoute({
  method: 'post',
  path: '/commitments',
  operationId: 'createCommitment',
  summary: 'Record a promise made to a customer, with its due time',
  request: body(CommitmentCreate),
  errors: [404, 409],
  responses: {
    201: json(Commitment, 'Recorded'),
    200: json(Commitment, 'A replay (same user, request and idempotencyKey): the first result'),
  },
});

const kept = commitmentRoute({
  method: 'post',
  path: '/commitments/{id}/kept',
  operationId: 'keepCommitment',
  summary: 'Mark a commitment kept (again: the first time stands; a withdrawn one is 409)',
  request: { params: IdParam },
  errors: [404, 409],
  responses: { 200: json(Commitment, 'The commitment, kept') },
});

const withdrawn = commitmentRoute({
  method: 'post',
  path: '/commitments/{id}/withdrawn',
  operationId: 'withdrawCommitment',
  summary:
    'Call a commitment off, with why: never due again, kept on record (again: the first time stands; a kept one is 409)',
  request: { params: IdParam, ...body(CommitmentWithdraw) },
  errors: [400, 404, 409],
  responses: { 200: json(Commitment, 'The commitment, withdrawn') },
});

const moved = commitmentRoute({
  method: 'patch',
  path: '/commitments/{id}',
  operationId: 'updateCommitment',
  summary: 'Move an open commitment to another due time, or reword it (a kept or withdrawn one is 409)',
  request: { params: IdParam, ...body(CommitmentUpdate) },
  errors: [400, 404, 409],
  responses: { 200: json(Commitment, 'The commitment as it now stands') },
});

export const interactionRoutes = () =>
  router()
    .openapi(log, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      const { interaction, replayed } = await logInteraction(store, c.req.valid('json'), now, settings, viewer);
      return replayed ? c.json(interaction, 200) : c.json(interaction, 201);
    })
    .openapi(undo, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      const interaction = await undoInteraction(store, c.req.valid('param').id, now, settings, viewer);
      return c.json({ interaction }, 200);
    })
    .openapi(promise, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      const { commitment, replayed } = await createCommitment(store, c.req.valid('json'), now, viewer);
      return replayed ? c.json(commitment, 200) : c.json(commitment, 201);
    })
    .openapi(kept, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      return c.json(await keepCommitment(store, c.req.valid('param').id, now, viewer), 200);
    })
    .openapi(withdrawn, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      const { reason } = c.req.valid('json');
      return c.json(await withdrawCommitment(store, c.req.valid('param').id, reason, now, viewer), 200);
    })
    .openapi(moved, async (c) => {
      const { store, viewer } = c.get('ctx');
      return c.json(await updateCommitment(store, c.req.valid('param').id, c.req.valid('json'), viewer), 200);
    });
