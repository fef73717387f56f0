import type { CommitmentRecord } from './records.ts';

export interface CommitmentStore {
  byKey(key: string): Promise<CommitmentRecord | undefined>;
  byId(id: number): Promise<CommitmentRecord | undefined>;
  insert(
    row: Pick<CommitmentRecord, 'customerId' | 'text' | 'dueAt' | 'idempotencyKey' | 'createdAt'>,
  ): Promise<CommitmentRecord>;
  markKept(id: number, at: string): Promise<CommitmentRecord>;
}
