import type { ContactChange, Settings } from '@dossier/shared';

/** The appointment that stands for a customer (see `DueStore.standing`). */
export interface StandingAppointment {
  /** The interaction that fixed it. */
  id: number;
  at: string;
  appointment: string;
}

/**
 * The materialised due fields of a file (last call and visit, the standing appointment, next
 * call, visit and overall due) kept in step with its interactions.
 */
export interface DueStore {
  /**
   * Recomputes one customer's due fields from its interactions; called in the transaction of
   * every write that changes them, so the row never disagrees with its history. After a conversation
   * logged or a contact undone (`contact`), the status it moves as well (`statusAfterContact`).
   */
  refresh(customerId: number, settings: Settings, contact?: ContactChange): Promise<void>;
  /**
   * The latest appointment fixed for the customer, unless cancelled or met: a call, visit or
   * meeting on or after its day (in `timeZone`), or any contact logged as its outcome.
   */
  standing(customerId: number, timeZone: string): Promise<StandingAppointment | null>;
  /** Every file's due dates again after a settings change. */
  refreshAll(settings: Settings): Promise<void>;
}
