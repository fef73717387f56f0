import { createHash } from 'node:crypto';
import { and, asc, eq, lt } from 'drizzle-orm';
import type { Conn, Db, Tx } from '../../db/client.ts';
import { imports, importUploadChunks, importUploads } from '../../db/schema.ts';
import { ApiError, notFound } from '../../lib/errors.ts';
import { gateOf } from '../../middleware/write-gate.ts';
import { replayOn } from '../../store/sqlite/replays.ts';
import { settingsOn } from '../../store/sqlite/settings.ts';
import { type Replayable, replayable } from '../replay.ts';
import type { Viewer } from '../visibility.ts';
import { type Action, applyImport, type Counts, type Decision, type RowReport } from './apply.ts';
import type { Field } from './columns.ts';
import { MAX_FILE_BYTES } from './files.ts';
import type { SheetsJob } from './parse-job.ts';
import { parseSheetsOffLoop, warmParseWorker, writeOffLoop } from './parse-pool.ts';
import type { RowError } from './rows.ts';

/** A file given inline (small files) or as a finished chunked upload. */
export type FileRef = { uploadId: number } | { filename: string; data: string };
export interface ImportOptions {
  file: FileRef;
  sheet?: string;
  headerRow?: number;
  mapping?: (Field | null)[];
  decisions?: { row: number; action: Action; customerId?: number }[];
}

const UPLOAD_TTL_MS = 24 * 3600_000;

export function createUpload(db: Db, viewer: Viewer, filename: string, size: number, now: Date) {
  if (size > MAX_FILE_BYTES) throw new ApiError('payload_too_large', `files over ${MAX_FILE_BYTES} bytes are refused`);
  // Abandoned uploads are dropped after a day, so a half-sent file never lingers.
  db.delete(importUploads)
    .where(lt(importUploads.createdAt, new Date(now.getTime() - UPLOAD_TTL_MS).toISOString()))
    .run();
  const row = db
    .insert(importUploads)
    .values({ userId: viewer.id, filename, size, received: 0, createdAt: now.toISOString() })
    .returning()
    .get();
  warmParseWorker();
  return { uploadId: row.id, filename, size, received: 0 };
}

/**
 * Appends a chunk at `offset`. Resending a chunk already stored is a no-op (a retry after a lost
 * answer), a gap is a 409 that says where to resume.
 */
export function appendChunk(db: Db, viewer: Viewer, uploadId: number, offset: number, data: Buffer) {
  return db.transaction((tx) => {
    const up = tx
      .select()
      .from(importUploads)
      .where(and(eq(importUploads.id, uploadId), eq(importUploads.userId, viewer.id)))
      .get();
    if (!up) throw notFound('upload');
    const answer = (received: number) => ({ uploadId, filename: up.filename, size: up.size, received });
    if (offset + data.length <= up.received) return answer(up.received);
    if (offset !== up.received) {
      throw new ApiError('conflict', `expected the chunk at offset ${up.received}`, { received: up.received });
    }
    if (offset + data.length > up.size) throw new ApiError('invalid_request', 'the chunk goes past the announced size');
    tx.insert(importUploadChunks).values({ uploadId, offset, data }).run();
    const received = offset + data.length;
    tx.update(importUploads).set({ received }).where(eq(importUploads.id, uploadId)).run();
    return answer(received);
  });
}

export function loadFile(
  db: Db,
  viewer: Viewer,
  file: FileRef,
): { bytes: Buffer; filename: string; uploadId?: number } {
  if (!('uploadId' in file)) {
    const bytes = Buffer.from(file.data, 'base64');
    return { bytes, filename: file.filename };
  }
  const up = db
    .select()
    .from(importUploads)
    .where(and(eq(importUploads.id, file.uploadId), eq(importUploads.userId, viewer.id)))
    .get();
  if (!up) throw notFound('upload');
  if (up.received < up.size) {
    throw new ApiError('conflict', `upload incomplete: ${up.received} of ${up.size} bytes`, { received: up.received });
  }
  const chunks = db
    .select({ data: importUploadChunks.data })
    .from(importUploadChunks)
    .where(eq(importUploadChunks.uploadId, up.id))
    .orderBy(asc(importUploadChunks.offset))
    .all();
  return { bytes: Buffer.concat(chunks.map((c) => c.data)), filename: up.filename, uploadId: up.id };
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Thrown to undo a dry run: the preview runs the real import and rolls it back. */
class DryRun extends Error {}

/**
 * Where an import's time went, for a Server-Timing header: reading the file (in the parse
 * worker), waiting for the write requests already under way to end (the write gate), and
 * writing (one transaction, in the worker on a file database; on the loop for `:memory:`).
 */
export interface ImportTiming {
  read?: number;
  wait?: number;
  write?: number;
}

/**
 * Runs an import's write with no write request on the loop meanwhile (the route passes its
 * request's hold on the write gate, middleware/write-gate.ts); by default the gate of `db`.
 */
export type Hold = <T>(write: () => Promise<T>) => Promise<T>;
const holdOf =
  (db: Db): Hold =>
  (write) =>
    gateOf(db).alone(write);

const sheetsJob = (file: { bytes: Buffer; filename: string }, o: ImportOptions): Omit<SheetsJob, 'kind'> => ({
  bytes: file.bytes,
  filename: file.filename,
  ...(o.sheet === undefined ? {} : { sheet: o.sheet }),
  ...(o.headerRow === undefined ? {} : { headerRow: o.headerRow }),
  ...(o.mapping === undefined ? {} : { mapping: o.mapping }),
});

/** The database file the request loop writes, or null for an in-memory database (no second connection can see it). */
const fileOf = (db: Db): string | null => (db.$client.memory ? null : db.$client.name);

/**
 * Reads the file, then writes it (for real, or as a dry run rolled back) — in the parse worker
 * on its own connection when the database is a file, so neither the rows nor the write touch
 * the request loop; otherwise the rows come back and are written here.
 */
async function readAndWrite(
  db: Db,
  viewer: Viewer,
  now: Date,
  o: ImportOptions,
  timing: ImportTiming,
  hold: Hold,
  commit: { replay: Replayable } | null,
) {
  const file = loadFile(db, viewer, o.file);
  const job = sheetsJob(file, o);
  const dbFile = fileOf(db);
  const t0 = performance.now();
  if (dbFile) {
    const { result } = await parseSheetsOffLoop({ ...job, emitRows: false });
    const t1 = performance.now();
    timing.read = t1 - t0;
    let t2 = t1;
    const w = await hold(() => {
      t2 = performance.now();
      return writeOffLoop({
        dbFile,
        read: { kind: 'sheets', ...job },
        viewer,
        now: now.toISOString(),
        decisions: o.decisions ?? [],
        dryRun: !commit,
        ...(commit
          ? {
              record: {
                filename: file.filename,
                replay: commit.replay,
                ...(file.uploadId ? { uploadId: file.uploadId } : {}),
              },
            }
          : {}),
      });
    });
    timing.wait = t2 - t1;
    timing.write = performance.now() - t2;
    return { file, result, counts: w.counts, rows: w.rows, importId: w.importId };
  }
  const { result, list } = await parseSheetsOffLoop(job);
  const t1 = performance.now();
  timing.read = t1 - t0;
  const decisions = new Map<number, Decision>((o.decisions ?? []).map((d) => [d.row, d]));
  const apply = (tx: Tx) =>
    applyImport(db, tx, list, { viewer, now, settings: settingsOn(db), decisions, keysFromFile: result.linked });
  let out: { counts: Counts; rows: RowReport[]; importId?: number } | undefined;
  try {
    db.transaction((tx) => {
      const { counts, rows } = apply(tx);
      if (!commit) {
        out = { counts, rows };
        throw new DryRun();
      }
      const at = now.toISOString();
      const body = { filename: file.filename, sheet: result.layout.sheet, createdAt: at, ...counts, rows };
      const importId = recordImport(tx, viewer, 'customers', file.filename, file.bytes, commit.replay, at, body);
      if (file.uploadId) tx.delete(importUploads).where(eq(importUploads.id, file.uploadId)).run();
      out = { counts, rows, importId };
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  timing.write = performance.now() - t1;
  return { file, result, ...(out as NonNullable<typeof out>) };
}

/**
 * What an import would do, row by row, without writing: the whole file is run through the
 * same code as the commit inside a transaction that is then rolled back, so the projected
 * counts are exactly what the commit will do on the same data.
 */
export async function previewImport(
  db: Db,
  viewer: Viewer,
  now: Date,
  o: ImportOptions,
  timing: ImportTiming = {},
  hold: Hold = holdOf(db),
) {
  const { file, result: p, counts, rows } = await readAndWrite(db, viewer, now, o, timing, hold, null);
  const samples = new Map(p.samples);
  // Ids of files the dry run created don't exist; a merge into one is shown by its row instead.
  const proposal = (r: RowReport) => {
    const { customerId, ...rest } = r;
    const action = { created: 'create', merged: 'merge', skipped: 'skip', invalid: 'invalid' }[r.outcome];
    return { ...rest, action, ...(customerId && !r.matchedRow && r.outcome !== 'created' ? { customerId } : {}) };
  };
  return {
    filename: file.filename,
    format: p.format,
    sheets: p.sheets,
    sheet: p.layout.sheet,
    headerRow: p.headerRow,
    columns: p.layout.headers.map((header, index) => ({ index, header, field: p.layout.mapping[index] ?? null })),
    linkedSheets: p.linked,
    counts,
    sample: rows.slice(0, 20).map((r) => ({ ...proposal(r), values: samples.get(r.row) ?? {} })),
    errors: rows.flatMap((r) => r.errors ?? []).slice(0, 1000) as RowError[],
    proposals: rows
      .filter((r) => r.matchedBy || r.suggestion)
      .slice(0, 2000)
      .map(proposal),
  };
}

export type ImportReport = Counts & {
  importId: number;
  filename: string;
  sheet: string;
  createdAt: string;
  rows: RowReport[];
};

/** All rows or none: one transaction; the report is stored with it and replayed for the same idempotency key. */
export async function commitImport(
  db: Db,
  viewer: Viewer,
  now: Date,
  o: ImportOptions & { idempotencyKey: string },
  timing: ImportTiming = {},
  hold: Hold = holdOf(db),
): Promise<{ report: ImportReport; replayed: boolean }> {
  const replay = replayable(o.idempotencyKey, 'import', o);
  const prior = priorImport(db, viewer, replay);
  if (prior) return { report: prior as unknown as ImportReport, replayed: true };
  const w = await readAndWrite(db, viewer, now, o, timing, hold, { replay });
  const report: ImportReport = {
    importId: w.importId as number,
    filename: w.file.filename,
    sheet: w.result.layout.sheet,
    createdAt: now.toISOString(),
    ...w.counts,
    rows: w.rows,
  };
  return { report, replayed: false };
}

/** A stored report: its importer's, or any for a manager. */
export function getImport(db: Db, viewer: Viewer, id: number) {
  const row = db.select().from(imports).where(eq(imports.id, id)).get();
  if (!row || (row.userId !== viewer.id && viewer.role !== 'manager')) throw notFound('import');
  return { kind: row.kind, ...(row.report as object) };
}

/** Stores an import's report under its idempotency key, its id first in it. */
export function recordImport(
  tx: Tx,
  viewer: Viewer,
  kind: 'customers' | 'vcard' | 'backup',
  filename: string,
  /** The file, or its SHA-256 when it was hashed elsewhere (the parse worker). */
  file: Buffer | { sha256: string },
  replay: Replayable | undefined,
  at: string,
  report: Record<string, unknown>,
): number {
  // Checked before the file was read; again here, where the key is recorded with the rows.
  if (replay && replayOn(tx, replay, viewer, at, () => reportOf(tx, replay.key))) {
    throw new ApiError('conflict', 'this import was committed meanwhile; send it again for its report');
  }
  const row = tx
    .insert(imports)
    .values({
      userId: viewer.id,
      kind,
      filename,
      fileSha256: Buffer.isBuffer(file) ? sha256(file) : file.sha256,
      idempotencyKey: replay?.key,
      createdAt: at,
      report: {},
    })
    .returning({ id: imports.id })
    .get();
  tx.update(imports)
    .set({ report: { importId: row.id, ...report } })
    .where(eq(imports.id, row.id))
    .run();
  return row.id;
}

const reportOf = (conn: Conn, key: string) =>
  conn.select({ report: imports.report }).from(imports).where(eq(imports.idempotencyKey, key)).get()?.report as
    | Record<string, unknown>
    | undefined;

/** The stored report for a replay of the same request by the same user (services/replay.ts); null for a new key. */
export function priorImport(db: Db, viewer: Viewer, replay: Replayable | null) {
  if (!replay) return null;
  return replayOn(db, replay, viewer, '', () => reportOf(db, replay.key), false) ?? null;
}
