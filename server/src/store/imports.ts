import type { KeyInput, PersonInput } from '@dossier/shared';
import type { Viewer } from '../services/visibility.ts';
import type { CustomerRecord, InteractionRecord } from './records.ts';

/** A chunked upload as far as it has arrived. */
export interface UploadRecord {
  id: number;
  userId: number;
  filename: string;
  size: number;
  /** Bytes stored so far, from offset 0 without a gap. */
  received: number;
}

/** A stored import's header; its report is written once the import has its id (`setReport`). */
export interface ImportEntry {
  userId: number;
  kind: 'customers' | 'vcard' | 'backup';
  filename: string;
  fileSha256: string;
  idempotencyKey: string | null;
  createdAt: string;
}

/** A stored import: whose it is, what kind, and the report it answered. */
export interface ImportRecord {
  userId: number;
  kind: ImportEntry['kind'];
  report: unknown;
}

/** A file's live person as an import compares them with the people it brings and fills their blanks. */
export interface ImportPerson {
  id: number;
  name: string;
  title: string | null;
  mobile: string | null;
  directLine: string | null;
  email: string | null;
  birthday: string | null;
  homeAddress: string | null;
  greetingHook: string | null;
  preferences: string | null;
}

/** The fields an import fills on a known person: the name (a fuller form), blanks and notes (services/same-person.ts). */
export type PersonFill = Partial<Record<Exclude<keyof ImportPerson, 'id'>, string>> & { birthdayLunar?: boolean };

/** A new file as an import writes it: the whole row, its search forms and due dates worked out by the import. */
export type ImportedFile = Pick<
  CustomerRecord,
  | 'name'
  | 'formerNames'
  | 'normalizedName'
  | 'initials'
  | 'pinyin'
  | 'tier'
  | 'status'
  | 'statusByContact'
  | 'lostReason'
  | 'lostReasonCode'
  | 'lostAt'
  | 'nextStep'
  | 'stage'
  | 'region'
  | 'companyType'
  | 'sizeClass'
  | 'industry'
  | 'businessScope'
  | 'products'
  | 'trends'
  | 'address'
  | 'phones'
  | 'fax'
  | 'emails'
  | 'website'
  | 'notes'
  | 'owner'
  | 'createdAt'
  | 'updatedAt'
  | 'nextCallDue'
  | 'nextVisitDue'
  | 'nextDue'
>;

/** A contact an import adds to a file, under its own idempotency key. */
export type ImportedInteraction = Pick<
  InteractionRecord,
  | 'kind'
  | 'at'
  | 'personId'
  | 'summary'
  | 'outcome'
  | 'intention'
  | 'appointment'
  | 'sourceUrl'
  | 'visit'
  | 'idempotencyKey'
  | 'createdAt'
>;

/** The file columns an import may change on a file it merges into (blanks filled, lists lengthened). */
export type FileChanges = Partial<Omit<CustomerRecord, 'id'>>;

/**
 * A write the database refused by one of its rules (a value that must be unique already taken,
 * a row it must hang off missing); the message is the database's. An import's writes throw it
 * so a row that breaks such a rule is a conflict named by its row, whatever the engine.
 */
export class ConstraintViolation extends Error {}

/**
 * Uploaded files, the writes of an import (customer sheets, vCards, JSON backups) and the
 * reports they are stored with.
 */
export interface ImportStore {
  /** Drops the uploads started before `at` with their chunks (abandoned ones). */
  dropUploadsBefore(at: string): Promise<void>;
  /** A new upload with nothing received; its id. */
  addUpload(userId: number, filename: string, size: number, at: string): Promise<number>;
  /** The upload if it is this user's. */
  upload(id: number, userId: number): Promise<UploadRecord | undefined>;
  /** Stores the bytes at `offset` (the end of what was received) and moves `received` past them. */
  addChunk(uploadId: number, offset: number, data: Uint8Array): Promise<void>;
  /** The upload's bytes, its chunks in order. */
  uploadBytes(uploadId: number): Promise<Buffer>;
  dropUpload(uploadId: number): Promise<void>;

  /** Stores an import's header (its report comes next, with its id in it); its id. */
  add(entry: ImportEntry): Promise<number>;
  setReport(id: number, report: Record<string, unknown>): Promise<void>;
  byId(id: number): Promise<ImportRecord | undefined>;
  /** The report stored under an idempotency key. */
  reportByKey(key: string): Promise<Record<string, unknown> | undefined>;

  /**
   * Where a worker thread can open this database on a connection of its own, to write an
   * import without holding the request loop (services/transfer/write-job.ts); null when no
   * other connection can see it (an in-memory database): the import is written on this store.
   */
  workerTarget(): Promise<string | null>;

  /** The customer holding this key, removed files included (a key is held once). */
  keyHolder(key: KeyInput): Promise<number | undefined>;
  /** The file if it is live and the viewer may see it. */
  visibleFile(id: number, viewer: Viewer): Promise<CustomerRecord | undefined>;
  /** The viewer's oldest live file of this normalised name. */
  sameName(normalizedName: string, viewer: Viewer): Promise<{ id: number; name: string } | undefined>;
  /** The file's live people, in id order. */
  peopleOf(customerId: number): Promise<ImportPerson[]>;
  /** The mobile of every live person of a live file the viewer may see, with the file's id (by file, then person). */
  mobilesOf(viewer: Viewer): Promise<{ customerId: number; mobile: string }[]>;
  /** True when a contact was logged under this idempotency key. */
  interactionKeyUsed(key: string): Promise<boolean>;
  /** True when a live conversation (call, visit, meeting) is on the file at an instant in [from, to). */
  spokenBetween(customerId: number, from: string, to: string): Promise<boolean>;
  // The writes below throw ConstraintViolation for a row the database refuses.
  /** Inserts the file row and its first tier-history entry (reason 'imported', at its creation); its id. */
  addFile(file: ImportedFile): Promise<number>;
  addKey(customerId: number, key: KeyInput, at: string): Promise<void>;
  /** Adds a person (e-mail lower-cased); their id. */
  addPerson(customerId: number, person: PersonInput, at: string): Promise<number>;
  fillPerson(personId: number, fill: PersonFill, at: string): Promise<void>;
  addInteraction(customerId: number, interaction: ImportedInteraction): Promise<void>;
  /** Writes changed columns of a file, its updated time with them. */
  updateFile(id: number, changes: FileChanges, at: string): Promise<void>;
  /** The search rows of many files at once, in step with their rows (as `search.reindex` for each). */
  reindexFiles(ids: Iterable<number>): Promise<void>;
}
