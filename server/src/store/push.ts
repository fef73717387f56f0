import type { KeyInput } from '@dossier/shared';
import type { BackupRow, BackupTable } from './backups.ts';

/** The tables whose rows a push writes under ids of the target's own (sheet remarks have none). */
export type FreshTable = Exclude<BackupTable, 'sheetRemarks' | 'customerShares' | 'auditLog'>;

/** The tables with a unique idempotency key, which is how a push knows a row it wrote before. */
export type KeyedTable = 'customers' | 'interactions' | 'commitments' | 'captures';

/**
 * Writes of a push (services/transfer/push.ts): one person's rows copied into a database that
 * holds other people's files, so under new ids, and found again by their keys on the next push.
 */
export interface PushStore {
  /**
   * Inserts rows as they are but for their ids, which the database gives (any `id` in a row is
   * ignored); those ids in the rows' order.
   */
  insertFresh(table: FreshTable, rows: BackupRow[]): Promise<number[]>;
  /** The id of each row whose idempotency key is one of `keys`, by key. */
  idsByKey(table: KeyedTable, keys: string[]): Promise<Map<string, number>>;
  /** The customer holding each of these matching keys, removed files included; keys held by none are left out. */
  keyHolders(keys: KeyInput[]): Promise<{ kind: KeyInput['kind']; value: string; customerId: number }[]>;
}
