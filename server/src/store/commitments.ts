import type { CommitmentRecord } from './records.ts';

export interface CommitmentStore {
  byKey(key: string): Promise<CommitmentRecord | undefined>;
  byId(id: number): Promise<CommitmentRecord | undefined>;
  insert(
    row: Pick<CommitmentRecord, 'customerId' | 'text' | 'dueAt' | 'idempotencyKey' | 'createdAt'>,
  ): Promise<CommitmentRecord>;
  markKept(id: number, at: string): Promise<CommitmentRecord>;
  /** A new time or wording for a promise. */
  update(id: number, changes: Partial<Pick<CommitmentRecord, 'text' | 'dueAt'>>): Promise<CommitmentRecord>;
  markWithdrawn(id: number, at: string, reason: string | null): Promise<CommitmentRecord>;
  /** Withdraws every promise of the file still open (neither kept nor withdrawn); how many. */
  withdrawOpen(customerId: number, at: string, reason: string): Promise<number>;
}
