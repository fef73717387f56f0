import { stringify } from 'csv-stringify/sync';
import type { VisibleData } from '../../store/exports.ts';
import { loadExcel } from '../excel.ts';
import { type Column, CUSTOMER_COLUMNS, INTERACTION_COLUMNS, KEY_COLUMNS, PEOPLE_COLUMNS, SHEETS } from './columns.ts';
import { guardFormula } from './values.ts';

export type Lang = 'zh' | 'en';
export type Entity = keyof typeof SHEETS;
type Cell = string | number | null;

const join = (list: string[], sep: string) => (list.length ? list.join(sep) : null);

/** Each entity as a table: header row (in `lang`) then one row per record, in the columns the import reads. */
export function tables(data: VisibleData, lang: Lang): Record<Entity, Cell[][]> {
  const head = (cols: Column[]) => cols.map((c) => c[lang]);
  const credit = new Map<number, string>();
  for (const k of data.keys)
    if (k.kind === 'credit_code' && !credit.has(k.customerId)) credit.set(k.customerId, k.value);
  const customerCell: Record<string, (c: VisibleData['customers'][number]) => Cell> = {
    ref: (c) => c.id,
    region: (c) => join(c.region, '/'),
    phones: (c) => join(c.phones, '; '),
    fax: (c) => join(c.fax, '; '),
    emails: (c) => join(c.emails, '; '),
    creditCode: (c) => credit.get(c.id) ?? null,
  };
  const row = <T extends Record<string, unknown>>(cols: Column[], r: T, special: Record<string, (r: T) => Cell> = {}) =>
    cols.map((col) => {
      const f = special[col.field];
      if (f) return f(r);
      const v = r[col.field];
      return v === null || v === undefined ? null : typeof v === 'number' ? v : String(v);
    });
  return {
    customers: [head(CUSTOMER_COLUMNS), ...data.customers.map((c) => row(CUSTOMER_COLUMNS, c, customerCell))],
    people: [
      head(PEOPLE_COLUMNS),
      ...data.people.map((p) =>
        row(PEOPLE_COLUMNS, p, {
          ref: (x) => x.customerId,
          personRef: (x) => x.id,
          keyPerson: (x) => (x.keyPerson ? 'yes' : 'no'),
        }),
      ),
    ],
    keys: [head(KEY_COLUMNS), ...data.keys.map((k) => row(KEY_COLUMNS, k, { ref: (x) => x.customerId }))],
    interactions: [
      head(INTERACTION_COLUMNS),
      ...data.interactions.map((i) =>
        row(INTERACTION_COLUMNS, i, {
          ref: (x) => x.customerId,
          personRef: (x) => x.personId,
          visit: (x) => (x.visit ? JSON.stringify(x.visit) : null),
        }),
      ),
    ],
  };
}

/** One sheet per entity; everything is written as text or numbers, never as a formula. */
export async function toXlsx(t: Record<Entity, Cell[][]>, lang: Lang): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Dossier';
  for (const entity of Object.keys(SHEETS) as Entity[]) {
    const ws = wb.addWorksheet(SHEETS[entity][lang], { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRows(t[entity]);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((col, i) => {
      const widest = Math.max(...t[entity].slice(0, 200).map((r) => String(r[i] ?? '').length));
      col.width = Math.min(60, Math.max(8, widest + 2));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV Excel opens as UTF-8 (BOM) without running any cell as a formula. */
export function toCsv(rows: Cell[][]): Buffer {
  const safe = rows.map((r) => r.map((v) => (typeof v === 'string' ? guardFormula(v) : v)));
  return Buffer.from(stringify(safe, { bom: true, record_delimiter: 'windows' }), 'utf8');
}
