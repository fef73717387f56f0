import { createHash } from 'node:crypto';
import { normalisePhone, searchForms } from '@dossier/shared';
import { ApiError } from '../../lib/errors.ts';
import type { Field } from './columns.ts';
import { decodeCards } from './encodings.ts';
import { detectFormat, type FileFormat, type Grid, readSheets } from './files.ts';
import { type Candidate, candidates, chooseLayout, type Layout } from './rows.ts';
import { type CardRead, readVcf } from './vcard.ts';
import { type WriteJob, type WriteResult, writeRows } from './write-job.ts';

/**
 * What the parse worker does with a file (parse-worker.mjs runs these; parse-pool.ts sends
 * them): everything between the bytes and the rows to write — unzipping, reading the sheets,
 * finding the header, checking every cell, pinyin and phone forms — so none of it runs on the
 * request loop. Plain data in and out (structured clone).
 */
export interface SheetsJob {
  kind: 'sheets';
  bytes: Uint8Array;
  filename: string;
  sheet?: string;
  headerRow?: number;
  mapping?: (Field | null)[];
  /** Send the rows back in batches (when the request loop writes them); else they stay here for a write job. */
  emitRows?: boolean;
}
export interface CardsJob {
  kind: 'cards';
  bytes: Uint8Array;
}
export type ParseJob = SheetsJob | CardsJob | WriteJob;

export interface SheetsResult {
  format: FileFormat;
  sheets: string[];
  layout: Layout;
  /** The header's row number as the user sees it. */
  headerRow: number;
  linked: boolean;
  /** The mapped cells of the first rows, for the preview. */
  samples: [number, Record<string, string>][];
  total: number;
  /** Names this read for a write job that follows it. */
  key: string;
  /** The file's SHA-256 (stored with the import). */
  sha256: string;
}
export interface CardsResult {
  cards: CardRead[];
  /** The E.164 form (or null) of each card's mobile. */
  phoneForms: Record<string, string | null>;
}

/** The answer to a job: its result, or the refusal the route will send. */
export type JobOutcome<R> =
  | { ok: true; result: R }
  | { ok: false; error: { code: ApiError['code']; message: string; details?: unknown } };

/** Candidates travel in batches, so the request loop takes each in a short turn. */
export const BATCH = 1000;
const SAMPLE_ROWS = 20;

const bufferOf = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

const phoneFormsOf = (c: Candidate) => {
  const forms: Record<string, string | null> = {};
  for (const v of [...c.fields.phones, ...c.fields.fax, ...c.people.map((p) => p.mobile ?? '')]) {
    if (v && !(v in forms)) forms[v] = normalisePhone(v);
  }
  return forms;
};

function sampleValues(grid: Grid, layout: Layout, index: number) {
  const cells = grid.rows[index] ?? [];
  const out: Record<string, string> = {};
  layout.mapping.forEach((f, j) => {
    const v = cells[j]?.trim();
    if (f && v) out[f] = out[f] ? `${out[f]}; ${v}` : v;
  });
  return out;
}

/**
 * The last file read, kept for the commit that usually follows its preview (the worker ends
 * after a quiet spell, and this with it): the same bytes and options read the same.
 */
let last: { key: string; result: SheetsResult; list: Candidate[] } | null = null;

export async function parseSheets(job: SheetsJob, emit: (batch: Candidate[]) => void): Promise<SheetsResult> {
  const bytes = bufferOf(job.bytes);
  const key = createHash('sha256')
    .update(bytes)
    .update(JSON.stringify([job.filename, job.sheet, job.headerRow, job.mapping]))
    .digest('hex');
  const emitRows = job.emitRows !== false;
  if (last?.key === key) {
    if (emitRows) for (let i = 0; i < last.list.length; i += BATCH) emit(last.list.slice(i, i + BATCH));
    return last.result;
  }
  last = null;
  const format = detectFormat(bytes, job.filename);
  const grids = await readSheets(bytes, job.filename);
  const layout = chooseLayout(grids, job.sheet, job.headerRow, job.mapping);
  const { list, linked } = candidates(grids, layout);
  const grid = grids.find((g) => g.name === layout.sheet) as Grid;
  const samples: SheetsResult['samples'] = list.slice(0, SAMPLE_ROWS).map((c) => {
    return [c.row, sampleValues(grid, layout, grid.rowNumbers.indexOf(c.row))];
  });
  for (let i = 0; i < list.length; i += BATCH) {
    const batch = list.slice(i, i + BATCH);
    for (const c of batch) {
      if (c.errors.length) continue;
      c.forms = searchForms(c.fields.name);
      c.phoneForms = phoneFormsOf(c);
    }
    if (emitRows) emit(batch);
  }
  const result = {
    format,
    sheets: grids.map((g) => g.name),
    layout,
    headerRow: grid.rowNumbers[layout.headerIndex] ?? layout.headerIndex + 1,
    linked,
    samples,
    total: list.length,
    key,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  last = { key, result, list };
  return result;
}

export function parseCards(job: CardsJob): CardsResult {
  const cards = readVcf(decodeCards(bufferOf(job.bytes)));
  const phoneForms: Record<string, string | null> = {};
  for (const c of cards) {
    const m = c.person?.mobile;
    if (m && !(m in phoneForms)) phoneForms[m] = normalisePhone(m);
  }
  return { cards, phoneForms };
}

/** Writes the rows of a read: those kept from the preview or the read just before, else read anew. */
async function writeRead(job: WriteJob): Promise<WriteResult> {
  const read = await parseSheets({ ...job.read, emitRows: false }, () => {});
  return writeRows(job, (last as { list: Candidate[] }).list, read);
}

/** Runs a job, turning a refusal into data (an ApiError doesn't survive the trip between threads). */
export async function runJob(
  job: ParseJob,
  emit: (batch: Candidate[]) => void,
): Promise<JobOutcome<SheetsResult | CardsResult | WriteResult>> {
  try {
    const result =
      job.kind === 'sheets'
        ? await parseSheets(job, emit)
        : job.kind === 'cards'
          ? parseCards(job)
          : await writeRead(job);
    return { ok: true, result };
  } catch (e) {
    if (e instanceof ApiError) {
      return {
        ok: false,
        error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) },
      };
    }
    throw e;
  }
}
