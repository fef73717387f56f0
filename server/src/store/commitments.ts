import type { CommitmentRecord } from './records.ts';

export interface CommitmentStore {
  byKey(key: string): Promise<CommitmentRecord | undefined>;
  byId(id: number): Promise<CommitmentRecord | undefined>;
  insert(
    row: Pick<CommitmentRecord, 'customerId' | 'text' | 'dueAt' | 'idempotencyKey' | 'createdAt'>,
  ): Promise<CommitmentRecord>;
  /*
   * The three writes below change an open promise only (neither kept nor withdrawn) and answer
   * undefined for a settled one: two people keeping and withdrawing it at once cannot both win
   * (on PostgreSQL the second waits for the first's row and then finds it settled).
   */
  markKept(id: number, at: string): Promise<CommitmentRecord | undefined>;
  /** A new time or wording for an open promise. */
  update(id: number, changes: Partial<Pick<CommitmentRecord, 'text' | 'dueAt'>>): Promise<CommitmentRecord | undefined>;
  markWithdrawn(id: number, at: string, reason: string | null): Promise<CommitmentRecord | undefined>;
  /** Withdraws every promise of the file still open (neither kept nor withdrawn). */
  withdrawOpen(customerId: number, at: string, reason: string): Promise<void>;
  /** Removes a promise a merge made, when the merge is undone. */
  remove(id: number): Promise<void>;
}

/**
 * An open promise of commitments `m` (neither kept nor withdrawn), as the boards and calendar
 * feeds of both engines read them; the partial index commitments_open_due has the same condition.
 */
export const OPEN_PROMISE = 'm.kept_at is null and m.withdrawn_at is null';
