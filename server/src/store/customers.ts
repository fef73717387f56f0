import type {
  Customer,
  CustomerCreate,
  CustomerDetail,
  CustomerStatus,
  CustomerUpdate,
  Key,
  KeyInput,
  Stage,
  Tier,
} from '@dossier/shared';
import type { z } from 'zod';
import type { Viewer } from '../services/visibility.ts';
import type { CustomerRecord } from './records.ts';

/** The fields of a new customer row (keys and people are added separately). */
export type CustomerFields = Omit<
  z.output<typeof CustomerCreate>,
  'keys' | 'people' | 'idempotencyKey' | 'allowDuplicate'
>;

/**
 * Fields of a file to change; `lostAt` is when it was lost (null once it is not); `statusByContact`
 * whether the status was set by a conversation (false once the user sets it).
 */
export type CustomerChanges = CustomerUpdate & {
  lostAt?: string | null;
  signedAt?: string | null;
  landWonAt?: string;
  reopenedAt?: string;
  statusByContact?: boolean;
};

/** The dates a new file's status and stage record: it was lost, signed or won land when it was opened. */
export function datesOfNewFile(fields: CustomerFields, at: string) {
  return {
    lostAt: fields.status === 'lost' ? at : null,
    signedAt: fields.status === 'signed' ? at : null,
    landWonAt: fields.stage === 'land_won' ? at : null,
  };
}

/** A line of a file's tier history. */
export interface TierChange {
  fromTier: Tier | null;
  toTier: Tier;
  reason: string;
}

/** What the file list filters on; `region` is a path, outermost first ("华东/江苏"). */
export interface CustomerFilter {
  tier?: Tier;
  status?: CustomerStatus;
  owner?: string;
  overdue?: 'true' | 'false';
  stage?: Stage;
  companyType?: NonNullable<CustomerRecord['companyType']>;
  sizeClass?: NonNullable<CustomerRecord['sizeClass']>;
  region?: string;
  sort: 'due' | 'initials';
  limit: number;
  offset: number;
}

export interface CustomerStore {
  /** Whether any live file exists (the demo fills only an empty database). */
  anyLive(): Promise<boolean>;
  /**
   * Holds these files' rows for the rest of the transaction, so that a read-then-write of them
   * (fill the blanks, a tier change from the tier read) cannot overwrite a change another writer
   * commits meanwhile. Call it first in the transaction, before reading them; ids missing or
   * removed are simply not held (the read after it answers the 404).
   */
  lock(ids: number[]): Promise<void>;
  /**
   * The customer if it exists, is not removed and the viewer may see it; otherwise a 404.
   * `includeDeleted` serves replays: a write acknowledged before the file was removed still answers.
   */
  live(id: number, viewer: Viewer, includeDeleted?: boolean): Promise<CustomerRecord>;
  /** The file with its keys and people, as the API answers it (a 404 as for `live`). */
  detail(id: number, viewer: Viewer): Promise<CustomerDetail>;
  /** Inserts the row with its search forms and first tier-history entry; due fields follow via `due.refresh`. */
  insertRow(fields: CustomerFields, at: string, idempotencyKey: string | null): Promise<number>;
  /**
   * Adds keys; one already on this customer is skipped, one held by another is skipped or a 409
   * naming that customer — only to a viewer who may see it.
   */
  addKeys(
    customerId: number,
    keys: KeyInput[],
    at: string,
    onConflict?: 'fail' | 'skip',
    viewer?: Viewer,
  ): Promise<void>;
  /** The id of the customer created with this idempotency key, if any (removed ones too). */
  byKey(idempotencyKey: string): Promise<number | undefined>;
  /** Writes the changed fields (a new name brings its search forms) and the time of the change. */
  update(id: number, changes: CustomerChanges, at: string): Promise<void>;
  /** Adds a line to the file's tier history; its id. */
  addTierChange(customerId: number, change: TierChange, at: string): Promise<number>;
  /** Takes a line out of the file's tier history (one a merge wrote, when the merge is undone). */
  removeTierChange(customerId: number, id: number): Promise<void>;
  /** Marks the file removed; its row stays. */
  markDeleted(id: number, at: string): Promise<void>;
  /** Takes every key off the file. */
  dropKeys(customerId: number): Promise<void>;
  /** The key of that kind and (canonical) value, whichever customer holds it. */
  keyOf(kind: KeyInput['kind'], value: string): Promise<Key | undefined>;
  /**
   * The live files the viewer may see that were renamed, with their former names, oldest first
   * (few: read whole, where a name is looked up among former ones).
   */
  renamed(viewer: Viewer): Promise<{ id: number; name: string; tier: Tier; formerNames: string[] }[]>;
  /** Takes one of the customer's keys off; false when the customer has no such key. */
  removeKey(customerId: number, keyId: number): Promise<boolean>;
  /**
   * The live files the viewer may see, filtered, in due order (lost files left out unless asked
   * for by status) or A–Z by initials, one page of them with the total for paging. `now` decides
   * what is overdue.
   */
  list(filter: CustomerFilter, now: string, viewer: Viewer): Promise<{ customers: Customer[]; total: number }>;
}
