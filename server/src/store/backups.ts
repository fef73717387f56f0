import type { Viewer } from '../services/visibility.ts';

/** A row as a JSON backup holds it: the schema's field names, blobs as bytes. */
export type BackupRow = Record<string, unknown>;

/** The tables a JSON backup carries besides users and settings, by their field-name spelling. */
export type BackupTable =
  | 'customers'
  | 'customerKeys'
  | 'people'
  | 'contactPoints'
  | 'interactions'
  | 'commitments'
  | 'tierChanges'
  | 'parcels'
  | 'captures'
  | 'reclassDecisions'
  | 'sheetRemarks'
  | 'materials'
  | 'customerShares'
  | 'focusNotes'
  | 'auditLog';

/** Which rows of a table: those whose `field` is one of `in`, or is `is`. */
export type RowCut = { field: string; in: number[] } | { field: string; is: number };

/** A user as a backup holds them (never their token). */
export interface BackupUser {
  id: number;
  name: string;
  role: 'manager' | 'member';
  createdAt: string;
  revokedAt: string | null;
}

/** Whole-database copies: the JSON backup's rows and their restore, and copies of the database itself. */
export interface BackupStore {
  /** The ids of the files the viewer may see (the one visibility rule, store/sqlite/visibility.ts). */
  visibleIds(viewer: Viewer): Promise<number[]>;
  /** Every user in id order, or only the one given. */
  users(only?: number): Promise<BackupUser[]>;
  /** The settings rows (key, value) in key order. */
  settings(): Promise<BackupRow[]>;
  /** A table's rows, every column, all or those of the cut. */
  rows(table: BackupTable, cut?: RowCut): Promise<BackupRow[]>;
  /** True when the database holds any customer file (removed ones too). */
  hasCustomers(): Promise<boolean>;
  userByName(name: string): Promise<number | undefined>;
  userExists(id: number): Promise<boolean>;
  /** Adds a user without a token, under `id` when given; their id. */
  addUser(user: Omit<BackupUser, 'id'> & { id?: number }): Promise<number>;
  /** Sets a setting, replacing its value. */
  putSetting(key: string, value: unknown): Promise<void>;
  /** Inserts rows as they are, ids included (a failing row throws). */
  insertRows(table: BackupTable, rows: BackupRow[]): Promise<void>;
  /**
   * Writes a consistent copy of the whole database into `file` while writes go on, and checks
   * it is a healthy database this version can open (throws otherwise).
   */
  snapshot(file: string): Promise<void>;
}
