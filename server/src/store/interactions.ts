import type { Viewer } from '../services/visibility.ts';
import type { InteractionRecord } from './records.ts';

export type NewInteraction = Omit<InteractionRecord, 'id' | 'deletedAt' | 'appointmentCancelledAt'>;

/** The columns a logged contact is written with: both engines' prepared insert takes them as placeholders. */
export const NEW_INTERACTION_COLUMNS = [
  'customerId',
  'kind',
  'at',
  'personId',
  'summary',
  'outcome',
  'intention',
  'appointment',
  'meetsAppointment',
  'sourceUrl',
  'visit',
  'idempotencyKey',
  'requestedBy',
  'requestFingerprint',
  'createdAt',
] as const satisfies readonly (keyof NewInteraction)[];

export interface InteractionStore {
  /** The interaction written with this idempotency key, if any. */
  byKey(key: string): Promise<InteractionRecord | undefined>;
  /** Whether the customer is live and the viewer may see it (the point lookup of every logged call). */
  customerVisible(customerId: number, viewer: Viewer): Promise<boolean>;
  /** Whether the person is live and belongs to the customer. */
  personOf(personId: number, customerId: number): Promise<boolean>;
  /**
   * Undefined when another transaction wrote the same key after this one looked and has
   * committed since (an engine that runs writers side by side): the caller answers that request.
   */
  insert(row: NewInteraction): Promise<InteractionRecord | undefined>;
  /** A live (not undone) interaction. */
  live(id: number): Promise<InteractionRecord | undefined>;
  /** Undo keeps the row, marked deleted. */
  markDeleted(id: number, at: string): Promise<void>;
  cancelAppointment(interactionId: number, at: string): Promise<void>;
}
