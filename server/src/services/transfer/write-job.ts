import { openWorkerStore } from '../../store/open.ts';
import type { Store } from '../../store/store.ts';
import type { Replayable } from '../replay.ts';
import type { Viewer } from '../visibility.ts';
import { applyImport, type Counts, type Decision, type RowReport } from './apply.ts';
import { recordImport } from './imports.ts';
import type { SheetsJob, SheetsResult } from './parse-job.ts';
import type { Candidate } from './rows.ts';

/** The commit's record: stored with the rows, the upload dropped in the same transaction. */
export interface ImportRecordJob {
  filename: string;
  replay: Replayable;
  uploadId?: number;
}

/**
 * An import's write, run in the parse worker on the rows it has just read (they never cross to
 * the request loop), on the worker's own connection to the same database: the request loop
 * keeps reading meanwhile, and the write gate (middleware/write-gate.ts) keeps the loop's
 * writes waiting, so nobody meets the lock. One transaction: all rows or none.
 */
export interface WriteJob {
  kind: 'write';
  /** Where the worker opens the database (`ImportStore.workerTarget` of the request loop's store). */
  dbFile: string;
  /** The read whose rows this writes (parse-job.ts keeps the last one, else reads it again). */
  read: SheetsJob;
  viewer: Viewer;
  now: string;
  decisions: Decision[];
  /** A preview: the same write, rolled back. */
  dryRun: boolean;
  record?: ImportRecordJob;
}
export interface WriteResult {
  counts: Counts;
  rows: RowReport[];
  importId?: number;
  /** Milliseconds the transaction was open. */
  ms: number;
}

/** Thrown to undo a dry run: the preview runs the real import and rolls it back. */
class DryRun extends Error {}

/**
 * Writes the rows of a read in one transaction of `store` — for real, with the import's record
 * and the upload dropped, or as a dry run rolled back — and answers what became of each row.
 */
export async function writeImport(
  store: Store,
  list: Candidate[],
  read: SheetsResult,
  o: { viewer: Viewer; now: Date; decisions: Decision[]; dryRun: boolean; record?: ImportRecordJob },
): Promise<{ counts: Counts; rows: RowReport[]; importId?: number }> {
  const decisions = new Map<number, Decision>(o.decisions.map((d) => [d.row, d]));
  let out: { counts: Counts; rows: RowReport[]; importId?: number } | undefined;
  try {
    await store.transaction(async (tx) => {
      const settings = await tx.settings.read();
      const { counts, rows } = await applyImport(tx, list, {
        viewer: o.viewer,
        now: o.now,
        settings,
        decisions,
        keysFromFile: read.linked,
        fileName: o.record?.filename,
      });
      if (o.dryRun) {
        out = { counts, rows };
        throw new DryRun();
      }
      const r = o.record as ImportRecordJob;
      const at = o.now.toISOString();
      const body = { filename: r.filename, sheet: read.layout.sheet, createdAt: at, ...counts, rows };
      const file = { sha256: read.sha256 };
      const importId = await recordImport(tx, o.viewer, 'customers', r.filename, file, r.replay, at, body);
      if (r.uploadId) await tx.imports.dropUpload(r.uploadId);
      out = { counts, rows, importId };
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return out as NonNullable<typeof out>;
}

/** The write job in the worker: the rows written on the worker's own store of the same database. */
export async function writeRows(job: WriteJob, list: Candidate[], read: SheetsResult): Promise<WriteResult> {
  const store = await openWorkerStore(job.dbFile);
  const t0 = performance.now();
  const out = await writeImport(store, list, read, {
    viewer: job.viewer,
    now: new Date(job.now),
    decisions: job.decisions,
    dryRun: job.dryRun,
    ...(job.record ? { record: job.record } : {}),
  });
  return { ...out, ms: performance.now() - t0 };
}
