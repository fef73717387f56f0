import type { CapturedParcel } from '@dossier/shared';
import { cellText, plainRowCells } from '../dom.ts';
import { type ParcelField, parcelField, setField } from './fields.ts';

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

export function parcelsFromTables(root: ParentNode): CapturedParcel[] {
  const out: CapturedParcel[] = [];
  const tables = root.querySelectorAll('table');
  for (let t = 0; t < tables.length; t++) {
    const rows = rowsOf(tables[t] as Element);
    let columns: { field: ParcelField | undefined; label: string }[] | null = null;
    for (const tr of rows) {
      const cells = plainRowCells(tr) ?? cellsOf(tr).map(cellText);
      if (!columns) {
        const fields = cells.map((c) => parcelField(c));
        const named = new Set(fields.filter(Boolean));
        if (named.size >= 3 && (named.has('parcelNo') || named.has('location'))) {
          columns = cells.map((label, i) => ({ field: fields[i], label }));
        }
        continue;
      }
      if (cells.length < columns.length || /^(合计|小计|总计)/.test(cells[0] ?? '')) continue;
      const p: CapturedParcel = {};
      columns.forEach((col, i) => {
        if (col.field) setField(p, col.field, cells[i] ?? '', col.label);
      });
      if (p.parcelNo || p.location) out.push(p);
    }
  }
  return out;
}
