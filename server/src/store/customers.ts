import type { CustomerCreate, CustomerDetail, KeyInput } from '@dossier/shared';
import type { z } from 'zod';
import type { Viewer } from '../services/visibility.ts';
import type { CustomerRecord } from './records.ts';

/** The fields of a new customer row (keys and people are added separately). */
export type CustomerFields = Omit<
  z.output<typeof CustomerCreate>,
  'keys' | 'people' | 'idempotencyKey' | 'allowDuplicate'
>;

export interface CustomerStore {
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
}
