import { Commitment, CommitmentCreate, Interaction, InteractionCreate } from '@dossier/shared';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { commitments } from '../../db/schema.ts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { notFound } from '../../lib/errors.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { IdParam } from '../../lib/params.ts';
import { validate } from '../../lib/validate.ts';
import { liveCustomer } from '../../services/customers.ts';
import { logInteraction, undoInteraction } from '../../services/interactions.ts';
import { getSettings } from '../../services/settings.ts';

const Undone = z.object({ interaction: Interaction });

export const interactionDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/interactions',
    summary:
      'Log a call, visit, e-mail, sms, meeting, greeting or note (idempotent on idempotencyKey: a replay answers 200 with the first result)',
    body: InteractionCreate,
    responses: { 201: Interaction, 200: Interaction },
  },
  {
    method: 'delete',
    path: '/api/interactions/:id',
    summary: 'Undo a logged interaction; due dates are recomputed',
    responses: { 200: Undone },
  },
  {
    method: 'post',
    path: '/api/commitments',
    summary: 'Record a promise made to a customer, with its due time',
    body: CommitmentCreate,
    responses: { 201: Commitment, 200: Commitment },
  },
  {
    method: 'post',
    path: '/api/commitments/:id/kept',
    summary: 'Mark a commitment kept',
    responses: { 200: Commitment },
  },
];

const toCommitment = (r: typeof commitments.$inferSelect): Commitment => ({
  id: r.id,
  customerId: r.customerId,
  text: r.text,
  dueAt: r.dueAt,
  keptAt: r.keptAt,
  createdAt: r.createdAt,
});

export const interactionRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post('/interactions', validate('json', InteractionCreate), (c) => {
      const { interaction, replayed } = logInteraction(
        deps.db,
        c.req.valid('json'),
        deps.clock(),
        getSettings(deps.db),
        c.get('viewer'),
      );
      return c.json(interaction, replayed ? 200 : 201);
    })
    .delete('/interactions/:id', validate('param', IdParam), (c) => {
      const interaction = undoInteraction(
        deps.db,
        c.req.valid('param').id,
        deps.clock(),
        getSettings(deps.db),
        c.get('viewer'),
      );
      return c.json({ interaction }, 200);
    })
    .post('/commitments', validate('json', CommitmentCreate), (c) => {
      const input = c.req.valid('json');
      const result = deps.db.transaction((tx) => {
        if (input.idempotencyKey) {
          const prior = tx.select().from(commitments).where(eq(commitments.idempotencyKey, input.idempotencyKey)).get();
          if (prior) {
            liveCustomer(tx, prior.customerId, c.get('viewer'), true);
            return { row: prior, replayed: true };
          }
        }
        liveCustomer(tx, input.customerId, c.get('viewer'));
        const row = tx
          .insert(commitments)
          .values({
            customerId: input.customerId,
            text: input.text,
            dueAt: new Date(input.dueAt).toISOString(),
            idempotencyKey: input.idempotencyKey ?? null,
            createdAt: deps.clock().toISOString(),
          })
          .returning()
          .get();
        return { row, replayed: false };
      });
      return c.json(toCommitment(result.row), result.replayed ? 200 : 201);
    })
    .post('/commitments/:id/kept', validate('param', IdParam), (c) => {
      const { id } = c.req.valid('param');
      const found = deps.db.transaction((tx) => {
        const current = tx.select().from(commitments).where(eq(commitments.id, id)).get();
        if (!current) throw notFound('commitment');
        liveCustomer(tx, current.customerId, c.get('viewer'));
        if (current.keptAt) return current;
        return tx
          .update(commitments)
          .set({ keptAt: deps.clock().toISOString() })
          .where(eq(commitments.id, id))
          .returning()
          .get();
      });
      return c.json(toCommitment(found), 200);
    });
