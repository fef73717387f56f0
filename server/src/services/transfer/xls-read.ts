import type { Grid } from './files.ts';
import { fillMerged, isDateFormat, keepRow, serialText, type XlsxLimits } from './xlsx-read.ts';
import { tooLarge, unreadable } from './zip.ts';

/** A cell as SheetJS gives it: its type, its value, and (asked with cellNF) its number format. */
type Cell = { t: string; v?: unknown; z?: string | number };

/**
 * Reads an old Excel workbook — a binary .xls (BIFF, what Excel wrote before 2007 and what many
 * CRMs and office suites still export), or the HTML table or Excel 2003 XML that web systems
 * send as ".xls" — with SheetJS, loaded only when such a file comes. Cells read as an XLSX's do
 * (xlsx-read.ts): strings as written, numbers as written, date-formatted numbers as dates with
 * no zone, booleans as true/false, errors blank, a cell merged down a column filled down.
 *
 * The file is read whole (BIFF is not compressed, so what it holds is bounded by the upload's
 * size cap), then held to the same caps as an XLSX.
 */
export async function readXls(input: Buffer | string, limits: XlsxLimits): Promise<Grid[]> {
  const XLSX = await import('@e965/xlsx');
  // Code pages: a BIFF5 workbook (Excel 95, or a Chinese one saved "as 5.0") stores its text in
  // the system's code page (936 on Chinese Windows), not in Unicode.
  XLSX.set_cptable(await import('@e965/xlsx/dist/cpexcel.full.mjs'));
  let book: ReturnType<typeof XLSX.read>;
  try {
    book = XLSX.read(input, {
      type: typeof input === 'string' ? 'string' : 'buffer',
      // Markup cells as written: read as numbers, a landline 053285990011 would lose its 0.
      raw: typeof input === 'string',
      dense: true,
      cellNF: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
    });
  } catch (e) {
    throw unreadable('xls_unreadable', `cannot read this .xls workbook: ${(e as Error).message}`);
  }
  if (!book.SheetNames.length) throw unreadable('xls_no_sheets', 'the workbook has no sheets');
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const text = (cell: Cell | undefined): string | undefined => {
    if (!cell || cell.v === undefined || cell.v === null) return undefined;
    switch (cell.t) {
      case 'n': {
        const n = Number(cell.v);
        return typeof cell.z === 'string' && isDateFormat(cell.z) ? serialText(n, date1904) : String(n);
      }
      case 'b':
        return String(Boolean(cell.v));
      case 'e':
      case 'z':
        return '';
      default:
        return String(cell.v);
    }
  };
  const held = { cells: 0 };
  return book.SheetNames.map((name) => {
    const sheet = book.Sheets[name] ?? {};
    const data = ((sheet as { '!data'?: (Cell[] | undefined)[] })['!data'] ?? []) as (Cell[] | undefined)[];
    const grid: Grid = { name, rows: [], rowNumbers: [] };
    for (const [r, cells] of data.entries()) {
      if (!cells) continue;
      const row: string[] = [];
      for (const [c, cell] of cells.entries()) {
        const value = text(cell);
        if (value === undefined) continue;
        if (c + 1 > limits.columns) {
          throw tooLarge(
            'too_many_columns',
            `sheet ${name} has a cell in column ${c + 1}; at most ${limits.columns} columns are read`,
            {
              limit: limits.columns,
              sheet: name,
            },
          );
        }
        row[c] = value;
      }
      if (row.length) keepRow(grid, row, r + 1, limits, held);
    }
    const merges = (sheet as { '!merges'?: Parameters<typeof XLSX.utils.encode_range>[0][] })['!merges'] ?? [];
    fillMerged(
      grid,
      merges.slice(0, 10_000).map((m) => XLSX.utils.encode_range(m)),
    );
    return grid;
  });
}
