import type { ContactPointRecord } from './records.ts';

export type { ContactPointRecord };
/** A record to add: its confirmation may be left out. */
export type NewContactPoint = Omit<ContactPointRecord, 'id' | 'confirmedAt' | 'confirmedBy'> &
  Partial<Pick<ContactPointRecord, 'confirmedAt' | 'confirmedBy'>>;
export type ContactPointChange = Partial<Omit<ContactPointRecord, 'id' | 'customerId' | 'kind' | 'valueKey'>>;

/**
 * The latest call, visit and e-mail logged with each person of a file (personId null: with nobody
 * named) — what confirms that a number or address still works. Read from the contacts themselves,
 * so a contact undone or moved with a merge confirms nothing any more.
 */
export interface LastContact {
  personId: number | null;
  kind: 'call' | 'visit' | 'email';
  at: string;
}

/** The phones and e-mails a file holds as written: its own lists and those of its live people. */
export interface FileValues {
  createdAt: string;
  phones: string[];
  emails: string[];
  people: { id: number; createdAt: string; mobile: string | null; directLine: string | null; email: string | null }[];
}

/**
 * The record of each phone and e-mail of a file (seed 002: data goes stale). Only the services'
 * writes of phones and e-mails keep it; the context badge never reads it.
 */
export interface ContactPointStore {
  /** The file's values, removed or not; undefined when there is no such file. */
  valuesOf(customerId: number): Promise<FileValues | undefined>;
  /** The records of a file, in id order. */
  of(customerId: number): Promise<ContactPointRecord[]>;
  /** The file's last contacts that confirm values, one per person and kind. */
  lastContacts(customerId: number): Promise<LastContact[]>;
  /** Adds records; one already there for the same value is left as it is. */
  insert(rows: NewContactPoint[]): Promise<void>;
  update(id: number, change: ContactPointChange): Promise<void>;
  remove(ids: number[]): Promise<void>;
}
