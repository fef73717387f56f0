import type { Capture, CaptureSaved, PERSON_TEXT_FIELDS } from '@dossier/shared';
import type { Viewer } from '../services/visibility.ts';
import type { CaptureRecord, ParcelRecord, PersonRecord } from './records.ts';

/** What a capture may add to a file's row: its contact lists whole, and the blanks it fills. */
export interface CapturedFileFields {
  phones: string[];
  fax: string[];
  emails: string[];
  address: string | null;
  businessScope: string | null;
  products: string | null;
  website: string | null;
}

/** Text fields of a person set at once (what a later sighting adds). */
export type PersonTextFill = Partial<Record<(typeof PERSON_TEXT_FIELDS)[number], string>>;

/** A parcel's fields as a capture writes them (its owner and creation time are added on insert). */
export type ParcelFields = Omit<ParcelRecord, 'id' | 'owner' | 'createdAt'>;

/** The note of a won parcel in its winner's history. */
export interface WinNote {
  customerId: number;
  at: string;
  summary: string;
  sourceUrl: string;
  idempotencyKey: string;
}

/** The row a saved capture leaves: the raw payload with its provenance and what the save did. */
export interface NewCapture {
  customerId: number | null;
  url: string;
  adapter: string;
  kind: string;
  payload: Capture;
  capturedAt: string;
  idempotencyKey: string;
  result: CaptureSaved;
  userId: number;
}

/** Captured pages saved into files. */
export interface CaptureStore {
  /** The capture saved with this idempotency key, if any. */
  byKey(key: string): Promise<CaptureRecord | undefined>;
  /**
   * The last capture saved from a page that the viewer may see: one filed on a file they may see,
   * or one filed nowhere (a land page with no winner yet) that they saved themselves. A manager
   * sees every one.
   */
  latest(url: string, viewer: Viewer): Promise<{ capturedAt: string; capture: Capture } | undefined>;
  /**
   * Every number a file holds — its phones, faxes and its live people's mobiles and direct lines —
   * whoever may see it (they are only parsed ahead of a write, never answered). None for a file
   * that does not exist.
   */
  numbersOf(customerId: number): Promise<string[]>;
  /** A file's live people, oldest first. */
  peopleOf(customerId: number): Promise<PersonRecord[]>;
  /** Writes what a capture added to a file's row. */
  updateFile(customerId: number, fields: CapturedFileFields, at: string): Promise<void>;
  /** Sets what a capture added to a known person. */
  fillPerson(personId: number, fill: PersonTextFill, at: string): Promise<void>;
  /** How many keys a file holds. */
  keyCount(customerId: number): Promise<number>;
  /** The live files the viewer may see whose names normalise to `normalisedName` (a land winner's), oldest first. */
  filesNamed(normalisedName: string, viewer: Viewer): Promise<{ id: number; name: string }[]>;
  /**
   * The same parcel seen again, among those the viewer may see (on a file they may see, or on their
   * own watch list; a manager sees all): by its number when one is given; else (or when no parcel
   * has that number) by its location, among parcels without a number when one is given and never
   * one of `besides` (the parcels this capture has already written: two rows of one page at one
   * location are two parcels).
   */
  findParcel(
    parcelNo: string | null,
    location: string | null,
    viewer: Viewer,
    besides: number[],
  ): Promise<ParcelRecord | undefined>;
  /** Writes a parcel seen again. */
  updateParcel(id: number, fields: ParcelFields): Promise<void>;
  /** A parcel seen for the first time, kept by `owner` (null: by the system). */
  insertParcel(fields: ParcelFields, owner: string | null, createdAt: string): Promise<number>;
  /** Notes a win in the winner's history; a note already written with its key is left as it is. */
  noteWin(note: WinNote): Promise<void>;
  insert(row: NewCapture): Promise<number>;
}
