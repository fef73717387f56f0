import type { Commitment, CommitmentCreate } from '@dossier/shared';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import { commitments } from '../db/schema.ts';
import { notFound } from '../lib/errors.ts';
import { liveCustomer } from './customers.ts';
import { replayable, replayOf } from './replay.ts';
import type { Viewer } from './visibility.ts';

const toCommitment = (r: typeof commitments.$inferSelect): Commitment => ({
  id: r.id,
  customerId: r.customerId,
  text: r.text,
  dueAt: r.dueAt,
  keptAt: r.keptAt,
  createdAt: r.createdAt,
});

/** Records a promise; idempotent on its key by the one rule of services/replay.ts. */
export function createCommitment(db: Db, input: z.output<typeof CommitmentCreate>, now: Date, viewer: Viewer) {
  const result = db.transaction((tx) => {
    if (input.idempotencyKey) {
      const replay = replayable(input.idempotencyKey, 'commitment', input);
      const prior = replayOf(tx, replay, viewer, now.toISOString(), () =>
        tx.select().from(commitments).where(eq(commitments.idempotencyKey, replay.key)).get(),
      );
      if (prior) {
        liveCustomer(tx, prior.customerId, viewer, true);
        return { row: prior, replayed: true };
      }
    }
    liveCustomer(tx, input.customerId, viewer);
    const row = tx
      .insert(commitments)
      .values({
        customerId: input.customerId,
        text: input.text,
        dueAt: new Date(input.dueAt).toISOString(),
        idempotencyKey: input.idempotencyKey ?? null,
        createdAt: now.toISOString(),
      })
      .returning()
      .get();
    return { row, replayed: false };
  });
  return { commitment: toCommitment(result.row), replayed: result.replayed };
}

/** Marks a promise kept; keeping it again keeps the first time. */
export function keepCommitment(db: Db, id: number, now: Date, viewer: Viewer): Commitment {
  const found = db.transaction((tx) => {
    const current = tx.select().from(commitments).where(eq(commitments.id, id)).get();
    if (!current) throw notFound('commitment');
    liveCustomer(tx, current.customerId, viewer);
    if (current.keptAt) return current;
    return tx.update(commitments).set({ keptAt: now.toISOString() }).where(eq(commitments.id, id)).returning().get();
  });
  return toCommitment(found);
}
