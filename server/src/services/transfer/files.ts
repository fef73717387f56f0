import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { ApiError } from '../../lib/errors.ts';
import { loadExcel } from '../excel.ts';

/** One sheet as text cells; `rowNumbers[i]` is the number the user sees for `rows[i]` (1-based). */
export interface Grid {
  name: string;
  rows: string[][];
  rowNumbers: number[];
}

export type FileFormat = 'xlsx' | 'csv' | 'json' | 'vcf';

export const MAX_FILE_BYTES = 30 * 1024 * 1024;
export const MAX_ROWS = 100_000;

/** What the bytes are, by their first bytes first (a renamed file still reads) and then the name. */
export function detectFormat(bytes: Buffer, filename: string): FileFormat {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new ApiError('invalid_request', 'this is an old .xls workbook; save it as .xlsx or .csv first');
  }
  const head = decodeText(bytes.subarray(0, 512)).trimStart();
  if (/^BEGIN:VCARD/i.test(head)) return 'vcf';
  if (head.startsWith('{')) return 'json';
  if (/\.xlsx$/i.test(filename)) throw new ApiError('invalid_request', `${filename} is not a readable .xlsx file`);
  return 'csv';
}

/**
 * Text in whatever encoding the file came in: UTF-8 (with or without BOM), UTF-16 (Excel's
 * "Unicode text"), and otherwise GB18030 — a CSV saved by Chinese Excel is GBK, not UTF-8.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function readCsv(bytes: Buffer, name: string): Grid {
  const text = decodeText(bytes);
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  // The separator is whichever of , ; tab the header line uses most (European Excel writes ;).
  const delimiter = [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0];
  let rows: string[][];
  try {
    rows = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, bom: true, skip_empty_lines: false });
  } catch (e) {
    throw new ApiError('invalid_request', `cannot read ${name} as CSV: ${(e as Error).message}`);
  }
  if (rows.length > MAX_ROWS) throw new ApiError('payload_too_large', `more than ${MAX_ROWS} rows`);
  return { name, rows, rowNumbers: rows.map((_, i) => i + 1) };
}

/** A cell as the text the user sees; dates at midnight UTC (date-only cells) as YYYY-MM-DD. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return o.richText.map((r: { text?: string }) => r.text ?? '').join('');
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    if ('error' in o) return '';
  }
  return String(v);
}

export async function readXlsx(bytes: Buffer): Promise<Grid[]> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new ApiError('invalid_request', `cannot read the workbook: ${(e as Error).message}`);
  }
  const grids: Grid[] = [];
  for (const ws of wb.worksheets) {
    const grid: Grid = { name: ws.name, rows: [], rowNumbers: [] };
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const values = row.values as unknown[];
      // row.values is 1-based (index 0 is always empty).
      grid.rows.push(Array.from(values.slice(1), cellText)); // Array.from: values is sparse
      grid.rowNumbers.push(n);
    });
    if (grid.rows.length > MAX_ROWS)
      throw new ApiError('payload_too_large', `more than ${MAX_ROWS} rows in ${ws.name}`);
    grids.push(grid);
  }
  return grids;
}

/** The sheets of a spreadsheet file (one for CSV). */
export async function readSheets(bytes: Buffer, filename: string): Promise<Grid[]> {
  const format = detectFormat(bytes, filename);
  if (format === 'xlsx') return readXlsx(bytes);
  if (format === 'csv') return [readCsv(bytes, filename.replace(/\.[^.]*$/, '') || 'Sheet1')];
  throw new ApiError('invalid_request', `${filename} is ${format}, not a CSV or XLSX sheet`);
}
