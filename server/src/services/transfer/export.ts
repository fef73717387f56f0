import { stringify } from 'csv-stringify/sync';
import type { VisibleData } from '../../store/exports.ts';
import { loadExcel } from '../excel.ts';
import { type Column, CUSTOMER_COLUMNS, INTERACTION_COLUMNS, KEY_COLUMNS, PEOPLE_COLUMNS, SHEETS } from './columns.ts';
import { guardFormula, NO_YEAR_YEAR, wallDate, ZH_VALUES } from './values.ts';

export type Lang = 'zh' | 'en';
export type Entity = keyof typeof SHEETS;
type Cell = string | number | Date | null;

const join = (list: string[], sep: string) => (list.length ? list.join(sep) : null);

/** Fields holding an instant (a date cell in XLSX, in the configured zone) or a calendar date. */
const INSTANTS = new Set(['createdAt', 'updatedAt', 'lostAt', 'nextDue', 'at', 'appointment']);
const DATES = new Set(['birthday']);
/** Coded columns a Chinese book writes in words (values.ts ZH_VALUES), by entity and field. */
const CODED: Partial<Record<Entity, Record<string, keyof typeof ZH_VALUES>>> = {
  customers: {
    status: 'status',
    stage: 'stage',
    companyType: 'companyType',
    sizeClass: 'sizeClass',
    lostReasonCode: 'lostReasonCode',
  },
  people: { keyPerson: 'bool' },
  keys: { kind: 'keyKind' },
  interactions: { kind: 'kind', intention: 'intention' },
};
const COLUMNS: Record<Entity, Column[]> = {
  customers: CUSTOMER_COLUMNS,
  people: PEOPLE_COLUMNS,
  keys: KEY_COLUMNS,
  interactions: INTERACTION_COLUMNS,
};

/**
 * How the tables are written for a reader: coded values in the book's language, and — for a
 * workbook (`timeZone` given) — instants as date cells holding the wall time of the configured
 * zone (what Excel shows and sorts by; it keeps no zone), birthdays as dates (one without a year
 * as --MM-DD text: Excel has no year 1604).
 */
export function localise(t: Record<Entity, Cell[][]>, lang: Lang, timeZone?: string): Record<Entity, Cell[][]> {
  const out = {} as Record<Entity, Cell[][]>;
  for (const entity of Object.keys(t) as Entity[]) {
    // Each column's field by its header: a table may leave a column out (private notes).
    const fields = (t[entity][0] ?? []).map((h) => COLUMNS[entity].find((c) => c[lang] === h)?.field ?? '');
    const coded = CODED[entity] ?? {};
    out[entity] = t[entity].map((row, i) =>
      i === 0
        ? row
        : row.map((v, j) => {
            const field = fields[j] ?? '';
            if (typeof v !== 'string') return v;
            const table = coded[field];
            if (table && lang === 'zh') return (ZH_VALUES[table] as Record<string, string>)[v] ?? v;
            if (!timeZone) return v;
            if (INSTANTS.has(field) && !Number.isNaN(Date.parse(v))) return wallDate(v, timeZone);
            if (DATES.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
              return v.startsWith(`${NO_YEAR_YEAR}-`) ? `--${v.slice(5)}` : new Date(`${v}T00:00:00Z`);
            }
            return v;
          }),
    );
  }
  return out;
}

/**
 * Each entity as a table: header row (in `lang`) then one row per record, in the columns the
 * import reads — the people's private notes only when asked for (`privateNotes`).
 */
export function tables(data: VisibleData, lang: Lang, opts: { privateNotes: boolean }): Record<Entity, Cell[][]> {
  const peopleColumns = opts.privateNotes ? PEOPLE_COLUMNS : PEOPLE_COLUMNS.filter((c) => c.field !== 'preferences');
  const head = (cols: Column[]) => cols.map((c) => c[lang]);
  const credit = new Map<number, string>();
  for (const k of data.keys)
    if (k.kind === 'credit_code' && !credit.has(k.customerId)) credit.set(k.customerId, k.value);
  const customerCell: Record<string, (c: VisibleData['customers'][number]) => Cell> = {
    ref: (c) => c.id,
    formerNames: (c) => join(c.formerNames, '; '),
    region: (c) => join(c.region, '/'),
    phones: (c) => join(c.phones, '; '),
    fax: (c) => join(c.fax, '; '),
    emails: (c) => join(c.emails, '; '),
    creditCode: (c) => credit.get(c.id) ?? null,
    // A lost file is history, not work: nothing is due on it.
    nextDue: (c) => (c.status === 'lost' ? null : c.nextDue),
  };
  const row = <T extends object>(cols: Column[], r: T, special: Record<string, (r: T) => Cell> = {}) =>
    cols.map((col) => {
      const f = special[col.field];
      if (f) return f(r);
      const v = (r as Record<string, unknown>)[col.field];
      return v === null || v === undefined ? null : typeof v === 'number' ? v : String(v);
    });
  return {
    customers: [head(CUSTOMER_COLUMNS), ...data.customers.map((c) => row(CUSTOMER_COLUMNS, c, customerCell))],
    people: [
      head(peopleColumns),
      ...data.people.map((p) =>
        row(peopleColumns, p, {
          ref: (x) => x.customerId,
          personRef: (x) => x.id,
          keyPerson: (x) => (x.keyPerson ? 'yes' : 'no'),
          // A lunar birthday said so before its date, as the import reads it back (农历 1975-11-08).
          birthday: (x) =>
            x.birthday && x.birthdayLunar
              ? `${lang === 'zh' ? '农历' : 'lunar'} ${x.birthday.replace(`${NO_YEAR_YEAR}-`, '--')}`
              : x.birthday,
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
      const field = COLUMNS[entity][i]?.field ?? '';
      // Date cells show as dates: with the time for an instant, without for a birthday.
      if (INSTANTS.has(field)) col.numFmt = 'yyyy-mm-dd hh:mm:ss';
      else if (DATES.has(field)) col.numFmt = 'yyyy-mm-dd';
      const widest = Math.max(
        ...t[entity].slice(0, 200).map((r) => (r[i] instanceof Date ? 19 : String(r[i] ?? '').length)),
      );
      col.width = Math.min(60, Math.max(8, widest + 2));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV Excel opens as UTF-8 (BOM) without running any cell as a formula. */
export function toCsv(rows: Cell[][]): Buffer {
  const safe = rows.map((r) =>
    r.map((v) => (typeof v === 'string' ? guardFormula(v) : v instanceof Date ? v.toISOString() : v)),
  );
  return Buffer.from(stringify(safe, { bom: true, record_delimiter: 'windows' }), 'utf8');
}
