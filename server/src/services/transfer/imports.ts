import { createHash } from 'node:crypto';
import { IMPORT_ACTION } from '@dossier/shared';
import { ApiError, notFound } from '../../lib/errors.ts';
import type { Store } from '../../store/store.ts';
import { priorOf, type Replayable, replayable, replayOf } from '../replay.ts';
import type { Viewer } from '../visibility.ts';
import type { Action, Counts, RowReport } from './apply.ts';
import type { Field } from './columns.ts';
import { MAX_FILE_BYTES } from './files.ts';
import type { SheetsJob } from './parse-job.ts';
import { parseSheetsOffLoop, warmParseWorker, writeOffLoop } from './parse-pool.ts';
import { columnsOf, type RowError } from './rows.ts';
import { writeImport } from './write-job.ts';

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

export async function createUpload(store: Store, viewer: Viewer, filename: string, size: number, now: Date) {
  if (size > MAX_FILE_BYTES) throw new ApiError('payload_too_large', `files over ${MAX_FILE_BYTES} bytes are refused`);
  // Abandoned uploads are dropped after a day, so a half-sent file never lingers.
  await store.imports.dropUploadsBefore(new Date(now.getTime() - UPLOAD_TTL_MS).toISOString());
  const uploadId = await store.imports.addUpload(viewer.id, filename, size, now.toISOString());
  warmParseWorker();
  return { uploadId, filename, size, received: 0 };
}

/**
 * Appends a chunk at `offset`. Resending a chunk already stored is a no-op (a retry after a lost
 * answer), a gap is a 409 that says where to resume.
 */
export async function appendChunk(store: Store, viewer: Viewer, uploadId: number, offset: number, data: Buffer) {
  return store.transaction(async (tx) => {
    const up = await tx.imports.upload(uploadId, viewer.id);
    if (!up) throw notFound('upload');
    const answer = (received: number) => ({ uploadId, filename: up.filename, size: up.size, received });
    if (offset + data.length <= up.received) return answer(up.received);
    if (offset !== up.received) {
      throw new ApiError('conflict', `expected the chunk at offset ${up.received}`, { received: up.received });
    }
    if (offset + data.length > up.size) throw new ApiError('invalid_request', 'the chunk goes past the announced size');
    await tx.imports.addChunk(uploadId, offset, data);
    return answer(offset + data.length);
  });
}

export async function loadFile(
  store: Store,
  viewer: Viewer,
  file: FileRef,
): Promise<{ bytes: Buffer; filename: string; uploadId?: number }> {
  if (!('uploadId' in file)) {
    const bytes = Buffer.from(file.data, 'base64');
    return { bytes, filename: file.filename };
  }
  const up = await store.imports.upload(file.uploadId, viewer.id);
  if (!up) throw notFound('upload');
  if (up.received < up.size) {
    throw new ApiError('conflict', `upload incomplete: ${up.received} of ${up.size} bytes`, { received: up.received });
  }
  return { bytes: await store.imports.uploadBytes(up.id), filename: up.filename, uploadId: up.id };
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Where an import's time went, for a Server-Timing header: reading the file (in the parse
 * worker), waiting for the write requests already under way to end (the write gate), and
 * writing (one transaction, in the worker when the database can be opened there; else on the loop).
 */
export interface ImportTiming {
  read?: number;
  wait?: number;
  write?: number;
}

/**
 * Runs an import's write with no write request on the loop meanwhile (the route passes its
 * request's hold on the write gate, middleware/write-gate.ts).
 */
export type Hold = <T>(write: () => Promise<T>) => Promise<T>;

const sheetsJob = (file: { bytes: Buffer; filename: string }, o: ImportOptions): Omit<SheetsJob, 'kind'> => ({
  bytes: file.bytes,
  filename: file.filename,
  ...(o.sheet === undefined ? {} : { sheet: o.sheet }),
  ...(o.headerRow === undefined ? {} : { headerRow: o.headerRow }),
  ...(o.mapping === undefined ? {} : { mapping: o.mapping }),
});

/**
 * Reads the file, then writes it (for real, or as a dry run rolled back) — in the parse worker
 * on its own connection when the store names a database it can open, so neither the rows nor
 * the write touch the request loop; otherwise the rows come back and are written here.
 */
async function readAndWrite(
  store: Store,
  viewer: Viewer,
  now: Date,
  o: ImportOptions,
  timing: ImportTiming,
  hold: Hold,
  commit: { replay: Replayable } | null,
) {
  const file = await loadFile(store, viewer, o.file);
  const job = sheetsJob(file, o);
  const target = await store.imports.workerTarget();
  const record = commit
    ? { filename: file.filename, replay: commit.replay, ...(file.uploadId ? { uploadId: file.uploadId } : {}) }
    : undefined;
  const t0 = performance.now();
  if (target) {
    const { result } = await parseSheetsOffLoop({ ...job, emitRows: false });
    const t1 = performance.now();
    timing.read = t1 - t0;
    let t2 = t1;
    const w = await hold(() => {
      t2 = performance.now();
      return writeOffLoop({
        dbFile: target,
        read: { kind: 'sheets', ...job },
        viewer,
        now: now.toISOString(),
        decisions: o.decisions ?? [],
        dryRun: !commit,
        ...(record ? { record } : {}),
      });
    });
    timing.wait = t2 - t1;
    timing.write = performance.now() - t2;
    return { file, result, counts: w.counts, rows: w.rows, importId: w.importId };
  }
  const { result, list } = await parseSheetsOffLoop(job);
  const t1 = performance.now();
  timing.read = t1 - t0;
  const out = await writeImport(store, list, result, {
    viewer,
    now,
    decisions: o.decisions ?? [],
    dryRun: !commit,
    ...(record ? { record } : {}),
  });
  timing.write = performance.now() - t1;
  return { file, result, ...out };
}

/**
 * What an import would do, row by row, without writing: the whole file is run through the
 * same code as the commit inside a transaction that is then rolled back, so the projected
 * counts are exactly what the commit will do on the same data.
 */
export async function previewImport(
  store: Store,
  viewer: Viewer,
  now: Date,
  o: ImportOptions,
  hold: Hold,
  timing: ImportTiming = {},
) {
  const { file, result: p, counts, rows } = await readAndWrite(store, viewer, now, o, timing, hold, null);
  const samples = new Map(p.samples);
  // Ids of files the dry run created don't exist; a merge into one is shown by its row instead.
  const proposal = (r: RowReport) => {
    const { customerId, ...rest } = r;
    const action = IMPORT_ACTION[r.outcome];
    return { ...rest, action, ...(customerId && !r.matchedRow && r.outcome !== 'created' ? { customerId } : {}) };
  };
  return {
    filename: file.filename,
    format: p.format,
    sheets: p.sheets,
    sheet: p.layout.sheet,
    headerRow: p.headerRow,
    columns: columnsOf(p.layout),
    linkedSheets: p.linked,
    counts,
    sample: rows.slice(0, 20).map((r) => ({ ...proposal(r), values: samples.get(r.row) ?? {} })),
    errors: rows.flatMap((r) => r.errors ?? []).slice(0, 1000) as RowError[],
    proposals: rows
      .filter((r) => r.matchedBy || r.suggestion || r.person)
      .slice(0, 2000)
      .map(proposal),
    // Every row in a line (the screen lists what will be created, merged or skipped, by name).
    rows: rows.map((r) => ({ row: r.row, action: proposal(r).action, ...(r.name ? { name: r.name } : {}) })),
  };
}

export type ImportReport = Counts & {
  importId: number;
  filename: string;
  sheet: string;
  createdAt: string;
  rows: RowReport[];
};

/**
 * All rows or none: one transaction; the report is stored with it and replayed for the same
 * idempotency key and the same request (`asked`: the options, decisions included; the command's
 * options as given, as its decisions depend on what is on file by the time it runs again).
 */
export async function commitImport(
  store: Store,
  viewer: Viewer,
  now: Date,
  o: ImportOptions & { idempotencyKey: string },
  hold: Hold,
  timing: ImportTiming = {},
  asked: unknown = o,
): Promise<{ report: ImportReport; replayed: boolean }> {
  const replay = replayable(o.idempotencyKey, 'import', asked);
  const prior = await priorImport(store, viewer, replay);
  if (prior) return { report: prior as unknown as ImportReport, replayed: true };
  const w = await readAndWrite(store, viewer, now, o, timing, hold, { replay });
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
export async function getImport(store: Store, viewer: Viewer, id: number) {
  const row = await store.imports.byId(id);
  if (!row || (row.userId !== viewer.id && viewer.role !== 'manager')) throw notFound('import');
  return { kind: row.kind, ...(row.report as object) };
}

/** Stores an import's report under its idempotency key, its id first in it. */
export async function recordImport(
  tx: Store,
  viewer: Viewer,
  kind: 'customers' | 'vcard' | 'backup',
  filename: string,
  /** The file, or its SHA-256 when it was hashed elsewhere (the parse worker). */
  file: Buffer | { sha256: string },
  replay: Replayable | undefined,
  at: string,
  report: Record<string, unknown>,
): Promise<number> {
  // Checked before the file was read; again here, where the key is recorded with the rows.
  if (replay && (await replayOf(tx, replay, viewer, at, () => tx.imports.reportByKey(replay.key)))) {
    throw new ApiError('conflict', 'this import was committed meanwhile; send it again for its report');
  }
  const id = await tx.imports.add({
    userId: viewer.id,
    kind,
    filename,
    fileSha256: Buffer.isBuffer(file) ? sha256(file) : file.sha256,
    idempotencyKey: replay?.key ?? null,
    createdAt: at,
  });
  await tx.imports.setReport(id, { importId: id, ...report });
  return id;
}

/** The stored report for a replay of the same request by the same user (services/replay.ts); null for a new key. */
export async function priorImport(store: Store, viewer: Viewer, replay: Replayable | null) {
  if (!replay) return null;
  return (await priorOf(store, replay, viewer, () => store.imports.reportByKey(replay.key))) ?? null;
}
