import type { CapturedParcel } from '@dossier/shared';
import { inlineText } from '../dom.ts';
import { type ParcelField, parcelField, setField } from './fields.ts';

/**
 * Result and notice tables with one row per parcel: a header row naming at least three
 * parcel fields (one of them the number or the location), then data rows. Units stated in a
 * header ("成交价（万元）") apply to the whole column.
 */

const cellsOf = (tr: Element) => [...tr.children].filter((c) => c.localName === 'td' || c.localName === 'th');

export function parcelsFromTables(root: ParentNode): CapturedParcel[] {
  const out: CapturedParcel[] = [];
  for (const table of root.querySelectorAll('table')) {
    const rows = [...table.querySelectorAll('tr')].filter((tr) => tr.closest('table') === table);
    let columns: { field: ParcelField | undefined; label: string }[] | null = null;
    for (const tr of rows) {
      const cells = cellsOf(tr).map((c) => inlineText(c));
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
