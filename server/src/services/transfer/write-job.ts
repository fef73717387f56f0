import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../../db/client.ts';
import * as schema from '../../db/schema.ts';
import { importUploads } from '../../db/schema.ts';
import { settingsOn } from '../../store/sqlite/settings.ts';
import type { Replayable } from '../replay.ts';
import type { Viewer } from '../visibility.ts';
import { applyImport, type Counts, type Decision, type RowReport } from './apply.ts';
import { recordImport } from './imports.ts';
import type { SheetsJob, SheetsResult } from './parse-job.ts';
import type { Candidate } from './rows.ts';

/**
 * An import's write, run in the parse worker on the rows it has just read (they never cross to
 * the request loop), on the worker's own connection to the same SQLite file: WAL lets the
 * request loop keep reading meanwhile, and the write gate (middleware/write-gate.ts) keeps the
 * loop's writes waiting, so nobody meets the lock. One transaction: all rows or none.
 */
export interface WriteJob {
  kind: 'write';
  /** The database file (the request loop's connection's). */
  dbFile: string;
  /** The read whose rows this writes (parse-job.ts keeps the last one, else reads it again). */
  read: SheetsJob;
  viewer: Viewer;
  now: string;
  decisions: Decision[];
  /** A preview: the same write, rolled back. */
  dryRun: boolean;
  /** The commit's record: stored with the rows, the upload dropped in the same transaction. */
  record?: { filename: string; replay: Replayable; uploadId?: number };
}
export interface WriteResult {
  counts: Counts;
  rows: RowReport[];
  importId?: number;
  /** Milliseconds the transaction was open. */
  ms: number;
}

/** Thrown to undo a dry run. */
class DryRun extends Error {}

const conns = new Map<string, Db>();

/**
 * The worker's connection, opened as db/client.ts opens the server's (same pragmas) but without
 * migrating: the server did that before it answered anything.
 */
function connect(file: string): Db {
  let db = conns.get(file);
  if (!db) {
    const sqlite = new Database(file, { fileMustExist: true });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('mmap_size = 1073741824');
    db = drizzle(sqlite, { schema }) as Db;
    conns.set(file, db);
  }
  return db;
}

export function writeRows(job: WriteJob, list: Candidate[], read: SheetsResult): WriteResult {
  const db = connect(job.dbFile);
  const now = new Date(job.now);
  const decisions = new Map<number, Decision>(job.decisions.map((d) => [d.row, d]));
  const t0 = performance.now();
  let out: { counts: Counts; rows: RowReport[]; importId?: number } | undefined;
  try {
    db.transaction(
      (tx) => {
        const settings = settingsOn(db);
        const { counts, rows } = applyImport(db, tx, list, {
          viewer: job.viewer,
          now,
          settings,
          decisions,
          keysFromFile: read.linked,
        });
        if (job.dryRun) {
          out = { counts, rows };
          throw new DryRun();
        }
        const r = job.record as NonNullable<WriteJob['record']>;
        const body = { filename: r.filename, sheet: read.layout.sheet, createdAt: job.now, ...counts, rows };
        const file = { sha256: read.sha256 };
        const importId = recordImport(tx, job.viewer, 'customers', r.filename, file, r.replay, job.now, body);
        if (r.uploadId) tx.delete(importUploads).where(eq(importUploads.id, r.uploadId)).run();
        out = { counts, rows, importId };
      },
      { behavior: 'immediate' },
    );
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return { ...(out as NonNullable<typeof out>), ms: performance.now() - t0 };
}
