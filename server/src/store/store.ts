import type { CommitmentStore } from './commitments.ts';
import type { CustomerStore } from './customers.ts';
import type { DueStore } from './due.ts';
import type { InteractionStore } from './interactions.ts';
import type { ReplayStore } from './replays.ts';
import type { SettingsStore } from './settings.ts';

/**
 * The one database seam. Services depend on this interface, never on an engine: each feature
 * area's repository answers in promises, and `transaction` hands its work a store bound to one
 * transaction (all or nothing). The SQLite implementation is store/sqlite; whatever SQL only
 * one engine speaks lives behind its implementation.
 */
export interface Store {
  readonly commitments: CommitmentStore;
  readonly customers: CustomerStore;
  readonly due: DueStore;
  readonly interactions: InteractionStore;
  readonly replays: ReplayStore;
  readonly settings: SettingsStore;
  /**
   * Runs `work` in one transaction: what it writes through the store it is given commits when
   * it resolves and rolls back when it throws. Inside a transaction this joins it.
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
}
