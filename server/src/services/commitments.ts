import type { Commitment, CommitmentCreate, CommitmentUpdate } from '@dossier/shared';
import type { z } from 'zod';
import { ApiError, notFound } from '../lib/errors.ts';
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
  withdrawnAt: r.withdrawnAt,
  withdrawnReason: r.withdrawnReason,
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

/** The promise, if the viewer may see its file (a 404 otherwise, as for the file). */
async function visible(tx: Store, id: number, viewer: Viewer): Promise<CommitmentRecord> {
  const current = await tx.commitments.byId(id);
  if (!current) throw notFound('commitment');
  await tx.customers.live(current.customerId, viewer);
  return current;
}

/** A kept or withdrawn promise is settled: it is neither moved, nor kept after a withdrawal, nor the reverse. */
const settled = (r: CommitmentRecord) =>
  new ApiError('conflict', `this promise was ${r.keptAt ? `kept on ${r.keptAt}` : `withdrawn on ${r.withdrawnAt}`}`, {
    keptAt: r.keptAt,
    withdrawnAt: r.withdrawnAt,
  });

/**
 * Changes an open promise by `write`, which writes only while it is open: one settled before or
 * meanwhile is answered as it stands when `same` says that is what was asked, else 409.
 */
async function whileOpen(
  store: Store,
  id: number,
  viewer: Viewer,
  same: (r: CommitmentRecord) => boolean,
  write: (tx: Store) => Promise<CommitmentRecord | undefined>,
): Promise<Commitment> {
  const found = await store.transaction(async (tx) => {
    const current = await visible(tx, id, viewer);
    const written = current.keptAt || current.withdrawnAt ? undefined : await write(tx);
    if (written) return written;
    const latest = (await tx.commitments.byId(id)) ?? current;
    if (same(latest)) return latest;
    throw settled(latest);
  });
  return toCommitment(found);
}

/** Marks a promise kept; keeping it again keeps the first time. */
export const keepCommitment = (store: Store, id: number, now: Date, viewer: Viewer): Promise<Commitment> =>
  whileOpen(
    store,
    id,
    viewer,
    (r) => !!r.keptAt,
    (tx) => tx.commitments.markKept(id, now.toISOString()),
  );

/**
 * Calls a promise off (the customer no longer needs it, or it was recorded by mistake): never due
 * again, kept on the file with when and why. Withdrawing it again keeps the first time.
 */
export const withdrawCommitment = (
  store: Store,
  id: number,
  reason: string | undefined,
  now: Date,
  viewer: Viewer,
): Promise<Commitment> =>
  whileOpen(
    store,
    id,
    viewer,
    (r) => !!r.withdrawnAt,
    (tx) => tx.commitments.markWithdrawn(id, now.toISOString(), reason?.trim() || null),
  );

/** Moves an open promise to another time, or rewords it. */
export async function updateCommitment(
  store: Store,
  id: number,
  changes: z.output<typeof CommitmentUpdate>,
  viewer: Viewer,
): Promise<Commitment> {
  return whileOpen(
    store,
    id,
    viewer,
    () => false,
    (tx) =>
      tx.commitments.update(id, {
        ...(changes.text !== undefined ? { text: changes.text } : {}),
        ...(changes.dueAt !== undefined ? { dueAt: new Date(changes.dueAt).toISOString() } : {}),
      }),
  );
}
