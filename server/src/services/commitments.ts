import type { Commitment, CommitmentCreate } from '@dossier/shared';
import type { z } from 'zod';
import { notFound } from '../lib/errors.ts';
import type { CommitmentRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { replayable, replayOf } from './replay.ts';
import type { Viewer } from './visibility.ts';

const toCommitment = (r: CommitmentRecord): Commitment => ({
  id: r.id,
  customerId: r.customerId,
  text: r.text,
  dueAt: r.dueAt,
  keptAt: r.keptAt,
  createdAt: r.createdAt,
});

/** Records a promise; idempotent on its key by the one rule of services/replay.ts. */
export async function createCommitment(
  store: Store,
  input: z.output<typeof CommitmentCreate>,
  now: Date,
  viewer: Viewer,
): Promise<{ commitment: Commitment; replayed: boolean }> {
  const at = now.toISOString();
  const result = await store.transaction(async (tx) => {
    const key = input.idempotencyKey;
    if (key) {
      const replay = replayable(key, 'commitment', input);
      const prior = await replayOf(tx, replay, viewer, at, () => tx.commitments.byKey(key));
      if (prior) {
        await tx.customers.live(prior.customerId, viewer, true);
        return { row: prior, replayed: true };
      }
    }
    await tx.customers.live(input.customerId, viewer);
    const row = await tx.commitments.insert({
      customerId: input.customerId,
      text: input.text,
      dueAt: new Date(input.dueAt).toISOString(),
      idempotencyKey: key ?? null,
      createdAt: at,
    });
    return { row, replayed: false };
  });
  return { commitment: toCommitment(result.row), replayed: result.replayed };
}

/** Marks a promise kept; keeping it again keeps the first time. */
export async function keepCommitment(store: Store, id: number, now: Date, viewer: Viewer): Promise<Commitment> {
  const found = await store.transaction(async (tx) => {
    const current = await tx.commitments.byId(id);
    if (!current) throw notFound('commitment');
    await tx.customers.live(current.customerId, viewer);
    if (current.keptAt) return current;
    return tx.commitments.markKept(id, now.toISOString());
  });
  return toCommitment(found);
}
