import { CAPTURE_LIMITS, CapturedParcel } from '@dossier/shared';
import { outOfTime } from '../budget.ts';
import { cellText, plainRowCells } from '../dom.ts';
import { type ParcelField, parcelField, setField } from './fields.ts';
import { areaM2, unitHint } from './units.ts';

/**
 * Result and notice tables with one row per parcel: a header row naming at least three
 * parcel fields (one of them the number or the location), then data rows. Units stated in a
 * header ("成交价（万元）") apply to the whole column.
 */

// Children by index: Chromium caches a collection's position, happy-dom keeps an array; both
// are linear where a selector query per table and a closest() per row were not.
function childrenNamed(el: Element, names: readonly string[]): Element[] {
  const out: Element[] = [];
  const kids = el.children;
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i] as Element;
    if (names.includes(c.localName)) out.push(c);
  }
  return out;
}

const SECTIONS = ['thead', 'tbody', 'tfoot'] as const;

/** The table's own rows, in order (not those of tables nested in its cells); the first `max`. */
export function rowsOf(table: Element, max = Number.POSITIVE_INFINITY): Element[] {
  const out: Element[] = [];
  const kids = table.children;
  for (let i = 0; i < kids.length && out.length < max; i++) {
    const c = kids[i] as Element;
    if (c.localName === 'tr') out.push(c);
    else if ((SECTIONS as readonly string[]).includes(c.localName)) {
      const rows = c.children;
      for (let k = 0; k < rows.length && out.length < max; k++)
        if (rows[k]?.localName === 'tr') out.push(rows[k] as Element);
    }
  }
  return out;
}

/** A row's cells (td and th), in order. */
export const cellsOf = (tr: Element): Element[] => childrenNamed(tr, ['td', 'th']);

/** A row's cells with a cell that spans columns repeated as empty ones, so that columns line up. */
function spannedCells(tr: Element): string[] {
  return cellsOf(tr).flatMap((td) => {
    const span = Math.min(Number(td.getAttribute('colspan') ?? 1) || 1, 50);
    return [cellText(td), ...new Array<string>(span - 1).fill('')];
  });
}

const hasSpans = (tr: Element) => cellsOf(tr).some((td) => Number(td.getAttribute('colspan') ?? 1) > 1);
const NUMBER = /^\s*\d+(?:\.\d+)?\s*$/;

/**
 * Each data row is a parcel of its own, also when two rows share a location (only identical
 * rows are one parcel). A header spanning columns (规划指标要求 over 容积率 | 建筑密度 | 绿地率)
 * is counted out, so that the columns after it keep their labels. An area column that states
 * no unit and holds only small figures (0.2345, 12.5) is in hectares, as land result lists
 * print it.
 */
/** Parcels a table yields before the time budget may stop it. */
const MIN_ROWS = 100;

export function parcelsFromTables(root: ParentNode, notes: string[] = []): CapturedParcel[] {
  const out: CapturedParcel[] = [];
  const max = CAPTURE_LIMITS.parcels;
  const tables = root.querySelectorAll('table');
  for (let t = 0; t < tables.length; t++) {
    const rows = rowsOf(tables[t] as Element);
    let columns: { field: ParcelField | undefined; label: string }[] | null = null;
    let spans = false;
    const found: { p: CapturedParcel; area: string }[] = [];
    for (let r = 0; r < rows.length; r++) {
      const tr = rows[r] as Element;
      // A capture holds at most `max` parcels: rows past them are counted, not read.
      if (columns && out.length + found.length >= max) {
        const total = out.length + found.length + rows.length - r;
        notes.push(`showing the first ${max} of about ${total.toLocaleString('en')} parcels (table rows)`);
        break;
      }
      // A list of thousands of parcels is read as far as the capture's time budget goes, and
      // its first rows even past it (the walk over the page may have spent it all).
      if (found.length >= MIN_ROWS && outOfTime()) break;
      if (!columns) {
        const cells = hasSpans(tr) ? spannedCells(tr) : (plainRowCells(tr) ?? cellsOf(tr).map(cellText));
        const fields = cells.map((c) => parcelField(c));
        const named = new Set(fields.filter(Boolean));
        if (named.size >= 3 && (named.has('parcelNo') || named.has('location'))) {
          columns = cells.map((label, i) => ({ field: fields[i], label }));
          spans = hasSpans(tr);
        }
        continue;
      }
      // (Only a header that spans columns makes data rows worth reading cell by cell.)
      const cells = spans ? spannedCells(tr) : (plainRowCells(tr) ?? cellsOf(tr).map(cellText));
      if (cells.length < columns.length || /^(合计|小计|总计)/.test(cells[0] ?? '')) continue;
      const p: CapturedParcel = {};
      let area = '';
      columns.forEach((col, i) => {
        if (!col.field) return;
        setField(p, col.field, cells[i] ?? '', col.label);
        if (col.field === 'area' && !unitHint(col.label)) area = cells[i] ?? '';
      });
      if (p.parcelNo || p.location) found.push({ p, area });
    }
    const bare = found.filter((f) => NUMBER.test(f.area));
    if (
      bare.length > 0 &&
      bare.length === found.filter((f) => f.area).length &&
      bare.every((f) => Number(f.area) < 100)
    )
      for (const f of bare) f.p.areaM2 = areaM2(f.area, '公顷');
    out.push(...distinct(found.map((f) => f.p)));
  }
  return out;
}

/** Every field of a parcel, as the shared schema names them: two rows equal in all are one parcel. */
const FIELDS = CapturedParcel.keyof().options;

/** Identical rows (a list that repeats a parcel) once; every other row as it is. */
function distinct(list: CapturedParcel[]): CapturedParcel[] {
  // Rows are compared whole only where they share a number (or a place): in a list of
  // thousands of parcels nearly every number is its own.
  const byNo = new Map<string, number>();
  for (const p of list) {
    const k = p.parcelNo ?? p.location ?? '';
    byNo.set(k, (byNo.get(k) ?? 0) + 1);
  }
  const seen = new Set<string>();
  return list.filter((p) => {
    if (byNo.get(p.parcelNo ?? p.location ?? '') === 1) return true;
    let key = '';
    for (const f of FIELDS) key += `${p[f] ?? ''}\u0001`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
