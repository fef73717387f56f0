import { createHash } from 'node:crypto';
import { and, asc, eq, lt } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { imports, importUploadChunks, importUploads } from '../../db/schema.ts';
import { ApiError, notFound } from '../../lib/errors.ts';
import { getSettings } from '../settings.ts';
import type { Viewer } from '../visibility.ts';
import { type Action, applyImport, type Counts, type Decision, type RowReport } from './apply.ts';
import type { Field } from './columns.ts';
import { MAX_FILE_BYTES } from './files.ts';
import { parseSheetsOffLoop, warmParseWorker } from './parse-pool.ts';
import type { Candidate, RowError } from './rows.ts';

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

/** The file read into candidates, in the parse worker; only the write is left for the request loop. */
async function prepare(db: Db, viewer: Viewer, o: ImportOptions) {
  const file = loadFile(db, viewer, o.file);
  const { result, list } = await parseSheetsOffLoop({
    bytes: file.bytes,
    filename: file.filename,
    ...(o.sheet === undefined ? {} : { sheet: o.sheet }),
    ...(o.headerRow === undefined ? {} : { headerRow: o.headerRow }),
    ...(o.mapping === undefined ? {} : { mapping: o.mapping }),
  });
  const decisions = new Map<number, Decision>((o.decisions ?? []).map((d) => [d.row, d]));
  return { file, ...result, list, decisions };
}

function run(db: Db, viewer: Viewer, now: Date, list: Candidate[], decisions: Map<number, Decision>, linked: boolean) {
  return (tx: Tx) =>
    applyImport(db, tx, list, { viewer, now, settings: getSettings(db), decisions, keysFromFile: linked });
}

/**
 * What an import would do, row by row, without writing: the whole file is run through the
 * same code as the commit inside a transaction that is then rolled back, so the projected
 * counts are exactly what the commit will do on the same data.
 */
/**
 * Where an import's time went, for a Server-Timing header: reading the file (in the parse
 * worker, the request loop free) and writing it (one transaction on the request loop).
 */
export interface ImportTiming {
  read?: number;
  write?: number;
}

export async function previewImport(db: Db, viewer: Viewer, now: Date, o: ImportOptions, timing: ImportTiming = {}) {
  const t0 = performance.now();
  const p = await prepare(db, viewer, o);
  const t1 = performance.now();
  timing.read = t1 - t0;
  let result: { counts: Counts; rows: RowReport[] } | undefined;
  try {
    db.transaction((tx) => {
      result = run(db, viewer, now, p.list, p.decisions, p.linked)(tx);
      throw new DryRun();
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  timing.write = performance.now() - t1;
  const { counts, rows } = result as { counts: Counts; rows: RowReport[] };
  const samples = new Map(p.samples);
  // Ids of files the dry run created don't exist; a merge into one is shown by its row instead.
  const proposal = (r: RowReport) => {
    const { customerId, ...rest } = r;
    const action = { created: 'create', merged: 'merge', skipped: 'skip', invalid: 'invalid' }[r.outcome];
    return { ...rest, action, ...(customerId && !r.matchedRow && r.outcome !== 'created' ? { customerId } : {}) };
  };
  return {
    filename: p.file.filename,
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
): Promise<{ report: ImportReport; replayed: boolean }> {
  const prior = priorImport(db, viewer, o.idempotencyKey);
  if (prior) return { report: prior as unknown as ImportReport, replayed: true };
  const t0 = performance.now();
  const p = await prepare(db, viewer, o);
  const t1 = performance.now();
  timing.read = t1 - t0;
  const at = now.toISOString();
  const report = db.transaction((tx) => {
    const { counts, rows } = run(db, viewer, now, p.list, p.decisions, p.linked)(tx);
    const body = { filename: p.file.filename, sheet: p.layout.sheet, createdAt: at, ...counts, rows };
    const importId = recordImport(tx, viewer, 'customers', p.file.filename, p.file.bytes, o.idempotencyKey, at, body);
    const report: ImportReport = { importId, ...body };
    if (p.file.uploadId) tx.delete(importUploads).where(eq(importUploads.id, p.file.uploadId)).run();
    return report;
  });
  timing.write = performance.now() - t1;
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
  bytes: Buffer,
  idempotencyKey: string | undefined,
  at: string,
  report: Record<string, unknown>,
): number {
  const row = tx
    .insert(imports)
    .values({ userId: viewer.id, kind, filename, fileSha256: sha256(bytes), idempotencyKey, createdAt: at, report: {} })
    .returning({ id: imports.id })
    .get();
  tx.update(imports)
    .set({ report: { importId: row.id, ...report } })
    .where(eq(imports.id, row.id))
    .run();
  return row.id;
}

export function priorImport(db: Db, viewer: Viewer, idempotencyKey: string | undefined) {
  if (!idempotencyKey) return null;
  const prior = db.select().from(imports).where(eq(imports.idempotencyKey, idempotencyKey)).get();
  if (prior && prior.userId !== viewer.id) throw new ApiError('conflict', 'idempotency key already used');
  return prior ? (prior.report as Record<string, unknown>) : null;
}
