import type { Grid } from './files.ts';
import { attr, decodeXml, XmlScanner } from './xml-scan.ts';
import { entryText, inflateEntry, readZipDirectory, tooLarge, unreadable, type ZipEntry } from './zip.ts';

/**
 * Reads the sheets of an XLSX as text cells, streaming: the zip's directory is checked before
 * anything inflates, each sheet is tokenised as it inflates, and reading stops at the first
 * cap passed (rows, columns, cells), so a small hostile file costs what its caps allow and no
 * more — a far-away cell (XFD1048576) or a bomb is refused in milliseconds.
 *
 * Cells read as the user sees them: shared and inline strings (rich text joined), numbers as
 * written, booleans as true/false, errors as blank, date-formatted numbers as dates
 * (YYYY-MM-DD at midnight UTC, else ISO).
 */
export interface XlsxLimits {
  /** Non-empty rows per sheet. */
  rows: number;
  /** Highest column (1-based). */
  columns: number;
  /** Cells held in memory, all sheets together (a row holds as many as its last used column). */
  cells: number;
  /** Bytes once inflated, all parts together. */
  unzipped: number;
  entries: number;
  ratio: number;
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, with the CJK ones). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47,
]);
for (let i = 50; i <= 58; i++) DATE_FORMAT_IDS.add(i);

/** A custom format is a date when, outside quotes and [..] sections, it has y m d h s. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^(general|@)$/i.test(bare.trim());
}

/**
 * A date cell's serial number as text: YYYY-MM-DD for a date alone, else the date and time
 * without a zone (YYYY-MM-DDTHH:MM:SS.sss) — Excel keeps the wall time the user typed and no
 * zone, so the import places it in the configured time zone (values.ts `inZone`), never in UTC.
 */
export function serialText(serial: number, date1904: boolean): string {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 23);
}

const META_BYTES = 16 * 2 ** 20;

/** `worksheets/sheet1.xml` relative to `xl/workbook.xml` is `xl/worksheets/sheet1.xml`. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg) parts.push(seg);
  }
  return parts.join('/');
}

/** Column number of a cell reference's letters (A = 1); 0 when there are none. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else return col;
  }
  return ref.length >= 4 && /^[A-Za-z]{4}/.test(ref) ? Number.MAX_SAFE_INTEGER : col;
}

async function scanEntry(
  buf: Buffer,
  e: ZipEntry,
  h: ConstructorParameters<typeof XmlScanner>[0],
  stop?: () => boolean,
) {
  const scanner = new XmlScanner(h);
  const dec = new TextDecoder('utf-8');
  for await (const chunk of inflateEntry(buf, e)) {
    scanner.push(dec.decode(chunk, { stream: true }));
    if (stop?.()) return;
  }
  scanner.push(dec.decode());
  scanner.end();
}

interface Book {
  sheets: { name: string; part: string }[];
  date1904: boolean;
}

async function readBook(buf: Buffer, entries: Map<string, ZipEntry>): Promise<Book> {
  const text = async (name: string) => {
    const e = entries.get(name);
    return e ? entryText(buf, e, META_BYTES) : null;
  };
  // The package relationships name the workbook part (nearly always xl/workbook.xml).
  let bookPart = 'xl/workbook.xml';
  const pkgRels = await text('_rels/.rels');
  if (pkgRels) {
    const m = /<(?:\w+:)?Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(pkgRels);
    const target = m ? attr(m[0].slice(1), 'Target') : undefined;
    if (target) bookPart = resolvePart('', target);
  }
  const bookXml = await text(bookPart);
  if (bookXml === null) throw unreadable('xlsx_no_workbook', 'not a readable .xlsx file (no workbook part)');
  const relsPart = resolvePart(bookPart, `_rels/${bookPart.split('/').pop()}.rels`);
  const rels = new Map<string, string>();
  const relsXml = (await text(relsPart)) ?? '';
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1] ?? '', 'Id');
    const target = attr(m[1] ?? '', 'Target');
    if (id && target) rels.set(id, resolvePart(bookPart, target));
  }
  let date1904 = false;
  const sheets: Book['sheets'] = [];
  new XmlScanner({
    open(name, attrs) {
      if (name === 'workbookPr') date1904 = /^(1|true)$/i.test(attr(attrs, 'date1904') ?? '');
      if (name === 'sheet') {
        const part = rels.get(attr(attrs, 'id') ?? '');
        if (part && entries.has(part)) sheets.push({ name: attr(attrs, 'name') ?? `Sheet${sheets.length + 1}`, part });
      }
    },
    close() {},
    text() {},
  }).push(bookXml);
  return { sheets, date1904 };
}

/** Which cell styles (index into cellXfs) show numbers as dates. */
async function readDateStyles(buf: Buffer, e: ZipEntry | undefined): Promise<boolean[]> {
  if (!e) return [];
  const xml = await entryText(buf, e, META_BYTES);
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inXfs = false;
  new XmlScanner({
    open(name, attrs, selfClosing) {
      if (name === 'numFmt') custom.set(Number(attr(attrs, 'numFmtId')), attr(attrs, 'formatCode') ?? '');
      else if (name === 'cellXfs') inXfs = !selfClosing;
      else if (name === 'xf' && inXfs) xfs.push(Number(attr(attrs, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inXfs = false;
    },
    text() {},
  }).push(xml);
  return xfs.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id);
  });
}

async function readSharedStrings(buf: Buffer, e: ZipEntry | undefined, limits: XlsxLimits): Promise<string[]> {
  if (!e) return [];
  const strings: string[] = [];
  let parts: string[] = [];
  let raw: string | null = null;
  let phonetic = 0;
  await scanEntry(buf, e, {
    open(name, _attrs, selfClosing) {
      if (name === 'si') {
        parts = [];
        if (selfClosing) strings.push('');
      } else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (name === 't' && !phonetic && !selfClosing) raw = '';
    },
    close(name) {
      if (name === 't' && raw !== null) {
        parts.push(decodeXml(raw));
        raw = null;
      } else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'si') {
        strings.push(parts.join(''));
        if (strings.length > limits.cells) {
          throw tooLarge('too_many_cells', `the workbook holds more than ${limits.cells} strings`, {
            limit: limits.cells,
          });
        }
      }
    },
    text(t) {
      if (raw !== null) raw += t;
    },
  });
  return strings;
}

/** Reads every sheet of the workbook, in workbook order, refusing at the first cap passed. */
export async function readXlsxStreaming(buf: Buffer, limits: XlsxLimits): Promise<Grid[]> {
  const entries = readZipDirectory(buf, { entries: limits.entries, totalBytes: limits.unzipped, ratio: limits.ratio });
  const book = await readBook(buf, entries);
  if (!book.sheets.length) throw unreadable('xlsx_no_sheets', 'the workbook has no sheets');
  const dateStyle = await readDateStyles(buf, entries.get('xl/styles.xml'));
  const shared = await readSharedStrings(buf, entries.get('xl/sharedStrings.xml'), limits);
  const held = { cells: 0 };
  const grids: Grid[] = [];
  for (const sheet of book.sheets) {
    const grid: Grid = { name: sheet.name, rows: [], rowNumbers: [] };
    grids.push(grid);
    let inData = false;
    let rowNum = 0;
    let row: string[] = [];
    let col = 0;
    let type = '';
    let style = 0;
    let value: string | null = null;
    let inline: string[] | null = null;
    let capture: 'v' | 't' | null = null;
    let phonetic = 0;
    let raw = '';
    const merges: string[] = [];
    const endRow = () => {
      if (!row.length) return;
      keepRow(grid, row, rowNum, limits, held);
      row = [];
    };
    const cellValue = (): string => {
      if (inline) return inline.join('');
      if (value === null) return '';
      switch (type) {
        case 's':
          return shared[Number(value)] ?? '';
        case 'str':
        case 'inlineStr':
          return decodeXml(value);
        case 'b':
          return String(Number(value) !== 0);
        case 'e':
          return '';
        case 'd':
          return value.trim();
        default: {
          const n = Number.parseFloat(value);
          if (Number.isNaN(n)) return '';
          return dateStyle[style] ? serialText(n, book.date1904) : String(n);
        }
      }
    };
    await scanEntry(buf, entries.get(sheet.part) as ZipEntry, {
      open(name, attrs, selfClosing) {
        switch (name) {
          case 'sheetData':
            inData = !selfClosing;
            return;
          case 'row': {
            if (!inData) return;
            endRow();
            const r = Number(attr(attrs, 'r'));
            rowNum = Number.isInteger(r) && r > 0 ? r : rowNum + 1;
            col = 0;
            return;
          }
          case 'c': {
            if (!inData) return;
            const ref = attr(attrs, 'r');
            const at = ref ? columnOf(ref) : 0;
            col = at > 0 ? at : col + 1;
            if (col > limits.columns) {
              throw tooLarge(
                'too_many_columns',
                `sheet ${sheet.name} has a cell in column ${col} (${ref ?? `row ${rowNum}`}); at most ${limits.columns} columns are read — delete what is beyond them`,
                { limit: limits.columns, sheet: sheet.name, ...(ref ? { cell: ref } : {}) },
              );
            }
            type = attr(attrs, 't') ?? '';
            style = Number(attr(attrs, 's') ?? 0) || 0;
            value = null;
            inline = null;
            phonetic = 0;
            return;
          }
          case 'v':
            if (inData && !selfClosing) {
              capture = 'v';
              raw = '';
            }
            return;
          case 'is':
            if (inData) inline = [];
            return;
          case 'rPh':
            if (!selfClosing) phonetic++;
            return;
          case 'mergeCell': {
            const ref = attr(attrs, 'ref');
            if (ref && merges.length < 10_000) merges.push(ref);
            return;
          }
          case 't':
            if (inline && !phonetic && !selfClosing) {
              capture = 't';
              raw = '';
            }
            return;
        }
      },
      close(name) {
        switch (name) {
          case 'v':
            if (capture === 'v') value = raw;
            capture = null;
            return;
          case 't':
            if (capture === 't') inline?.push(decodeXml(raw));
            capture = null;
            return;
          case 'rPh':
            phonetic = Math.max(0, phonetic - 1);
            return;
          case 'c': {
            if (!inData) return;
            // A cell with a value, even an empty one, counts (as Excel's own readers count it).
            if (value !== null || inline !== null) row[col - 1] = cellValue();
            value = null;
            inline = null;
            return;
          }
          case 'row':
            endRow();
            return;
          case 'sheetData':
            endRow();
            inData = false;
            return;
        }
      },
      text(t) {
        if (capture) raw += t;
      },
    });
    endRow();
    fillMerged(grid, merges);
  }
  return grids;
}

/**
 * Adds a row read from a sheet to its grid (its gaps as blank cells), refusing the file at the
 * first cap passed: the sheet's rows, or the cells held over all sheets (`held`, shared by the
 * workbook's sheets). Used by the XLSX and the .xls readers alike.
 */
export function keepRow(grid: Grid, row: string[], rowNumber: number, limits: XlsxLimits, held: { cells: number }) {
  for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = '';
  if (grid.rows.length >= limits.rows) {
    throw tooLarge('too_many_rows', `sheet ${grid.name} has more than ${limits.rows} rows; split the file`, {
      limit: limits.rows,
      sheet: grid.name,
    });
  }
  held.cells += row.length;
  if (held.cells > limits.cells) {
    throw tooLarge('too_many_cells', `the workbook holds more than ${limits.cells} cells; split the file`, {
      limit: limits.cells,
      sheet: grid.name,
    });
  }
  grid.rows.push(row);
  grid.rowNumbers.push(rowNumber);
}

/**
 * A cell merged down a column (a company's name over the rows of its contacts, as hand-made
 * sheets have it) holds its value in the top cell only; the rows below get it too, as the user
 * sees it. Merges across columns (a title over the table) are left alone, and no row is added.
 */
export function fillMerged(grid: Grid, refs: string[]): void {
  if (!refs.length) return;
  const indexOf = new Map(grid.rowNumbers.map((n, i) => [n, i]));
  for (const ref of refs) {
    const m = /^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$/i.exec(ref);
    if (!m || m[1]?.toUpperCase() !== m[3]?.toUpperCase()) continue;
    const col = columnOf(m[1] as string) - 1;
    const [top, bottom] = [Number(m[2]), Number(m[4])];
    const first = indexOf.get(top);
    const value = first === undefined ? undefined : grid.rows[first]?.[col];
    if (!value) continue;
    for (let i = (first as number) + 1; i < grid.rows.length && (grid.rowNumbers[i] as number) <= bottom; i++) {
      const row = grid.rows[i] as string[];
      while (row.length <= col) row.push('');
      if (!row[col]) row[col] = value;
    }
  }
}
