import { parse } from 'csv-parse/sync';
import { ApiError } from '../../lib/errors.ts';
import { decodeCards, decodeText } from './encodings.ts';
import { gridOfCards, readVcf } from './vcard.ts';
import { readXls } from './xls-read.ts';
import { readXlsxStreaming, type XlsxLimits } from './xlsx-read.ts';
import { tooLarge } from './zip.ts';

/** One sheet as text cells; `rowNumbers[i]` is the number the user sees for `rows[i]` (1-based). */
export interface Grid {
  name: string;
  rows: string[][];
  rowNumbers: number[];
}

export type FileFormat = 'xlsx' | 'xls' | 'csv' | 'json' | 'vcf';

export const MAX_FILE_BYTES = 30 * 1024 * 1024;
/**
 * What one import may hold, checked while the file is read (a file past a cap is refused with
 * 413 and `details.code`, before the rest of it is read). The caps bound the time and memory a
 * file can cost whatever its shape: a sheet's rows, its widest column, the cells held (a row
 * holds as many as its last used column), and an XLSX's size once unpacked.
 *
 * The customers one import writes are capped lower than a sheet's rows (the People, Keys and
 * Interactions sheets of an export have several rows a customer): all of them are written in one
 * transaction (in the parse worker, the write gate held, so other writes wait meanwhile), about
 * 0.12 ms a customer alone and 0.25 ms with lookups being answered beside it, into a database of
 * 20,000 on a 2-core machine (test/bench/import-load.ts: 10,000 took 1.5–2.3 s, 5,000 1.3–1.4 s):
 * 3,000 keep an import's commit within a second. A longer list is imported as several files.
 */
export const MAX_IMPORT_ROWS = 3_000;
export const MAX_SHEET_ROWS = 50_000;
export const MAX_COLUMNS = 256;
export const MAX_CELLS = 1_500_000;
export const XLSX_LIMITS: XlsxLimits = {
  rows: MAX_SHEET_ROWS,
  columns: MAX_COLUMNS,
  cells: MAX_CELLS,
  unzipped: 256 * 2 ** 20,
  entries: 2_000,
  ratio: 200,
};

/** An OLE compound file: a binary .xls (or another Office 97 document, refused by the reader). */
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * A sheet written as markup, as web systems' "export to Excel" sends it under a .xls name: an
 * HTML table, or Excel 2003's XML Spreadsheet (Excel opens both).
 */
const MARKUP_SHEET = /^(<\?xml[^>]*>\s*)?(<\?mso-application[^>]*>\s*)?(<!doctype html|<html|<table|<workbook)/i;

/** What the bytes are, by their first bytes first (a renamed file still reads) and then the name. */
export function detectFormat(bytes: Buffer, filename: string): FileFormat {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (bytes.subarray(0, 8).equals(COMPOUND_FILE)) return 'xls';
  const head = decodeText(bytes.subarray(0, 512)).trimStart();
  if (/^BEGIN:VCARD/i.test(head)) return 'vcf';
  if (head.startsWith('{')) return 'json';
  if (MARKUP_SHEET.test(head)) return 'xls';
  if (/\.xlsx$/i.test(filename)) throw new ApiError('invalid_request', `${filename} is not a readable .xlsx file`);
  return 'csv';
}

export function readCsv(bytes: Buffer, name: string, limits = XLSX_LIMITS): Grid {
  const text = decodeText(bytes);
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  // The separator is whichever of , ; tab the header line uses most (European Excel writes ;).
  const delimiter = [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0];
  let rows: string[][];
  let cells = 0;
  try {
    rows = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      bom: true,
      skip_empty_lines: false,
      // Stops reading one record past the cap: a longer file is refused without reading the rest.
      to: limits.rows + 1,
      on_record: (record: string[]) => {
        if (record.length > limits.columns) {
          throw tooLarge('too_many_columns', `a line of ${name} has more than ${limits.columns} columns`, {
            limit: limits.columns,
          });
        }
        cells += record.length;
        if (cells > limits.cells) {
          throw tooLarge('too_many_cells', `${name} holds more than ${limits.cells} cells; split the file`, {
            limit: limits.cells,
          });
        }
        return record;
      },
    });
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('invalid_request', `cannot read ${name} as CSV: ${(e as Error).message}`);
  }
  if (rows.length > limits.rows) {
    throw tooLarge('too_many_rows', `${name} has more than ${limits.rows} rows; split the file`, {
      limit: limits.rows,
    });
  }
  return { name, rows, rowNumbers: rows.map((_, i) => i + 1) };
}

/** Every sheet of an XLSX, streamed and refused at the first cap passed (see xlsx-read.ts). */
export function readXlsx(bytes: Buffer, limits = XLSX_LIMITS): Promise<Grid[]> {
  return readXlsxStreaming(bytes, limits);
}

/** The sheets of a spreadsheet file (one for CSV; a vCard file read as one row a card; an old .xls by xls-read.ts). */
export async function readSheets(bytes: Buffer, filename: string, limits = XLSX_LIMITS): Promise<Grid[]> {
  const format = detectFormat(bytes, filename);
  if (format === 'xlsx') return readXlsx(bytes, limits);
  // Markup is text in the file's own encoding (a GBK page from a Chinese system): decoded here.
  if (format === 'xls') return readXls(bytes.subarray(0, 8).equals(COMPOUND_FILE) ? bytes : decodeText(bytes), limits);
  if (format === 'csv') return [readCsv(bytes, filename.replace(/\.[^.]*$/, '') || 'Sheet1', limits)];
  if (format === 'vcf') return [gridOfCards(readVcf(decodeCards(bytes)), filename.replace(/\.[^.]*$/, '') || 'vCards')];
  throw new ApiError('invalid_request', `${filename} is ${format}, not a CSV or XLSX sheet`);
}
