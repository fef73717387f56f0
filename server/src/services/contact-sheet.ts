import type { InteractionKind, Settings, Tier } from '@dossier/shared';
import type { Store } from '../store/store.ts';
import { loadExcel } from './excel.ts';
import { monthRange } from './reclassification.ts';
import { toCsv } from './transfer/export.ts';
import type { Viewer } from './visibility.ts';

export interface SheetRow {
  customerId: number;
  name: string;
  tier: Tier;
  region: string[];
  /** Day of month → the contacts made that day. */
  marks: Record<string, { kind: string; summary: string | null }[]>;
  contacts: number;
  remarks: string | null;
}

export interface ContactSheet {
  month: string;
  days: number;
  groups: { key: string; rows: SheetRow[] }[];
}

const localDay = (iso: string, timeZone: string) =>
  Number(new Intl.DateTimeFormat('en-US', { timeZone, day: 'numeric' }).format(new Date(iso)));

/**
 * The seed's contact sheet: one row per customer, one column per day, a "V" where a contact
 * happened, remarks briefly. Notes are not contacts, so they leave no mark.
 */
export async function contactSheet(
  store: Store,
  month: string,
  settings: Settings,
  viewer: Viewer,
  groupBy: 'tier' | 'region',
  owner?: string,
): Promise<ContactSheet> {
  const { start, end, days } = monthRange(month, settings.timeZone);
  // A row for every file that was live in the month or has a contact in it (a file opened later
  // for a contact logged after the fact, a file lost since), under the tier it had that month:
  // the last tier change before the month ended, or the tier it was opened with.
  const customers = await store.contactSheet.files(month, start, end, viewer, owner);
  const contacts = await store.contactSheet.contacts(start, end, viewer);
  const rows = new Map<number, SheetRow>();
  for (const c of customers) {
    rows.set(c.id, {
      customerId: c.id,
      name: c.name,
      tier: c.tier,
      region: c.region,
      marks: {},
      contacts: 0,
      remarks: c.remarks,
    });
  }
  for (const i of contacts) {
    const row = rows.get(i.customerId);
    if (!row) continue;
    const day = String(localDay(i.at, settings.timeZone));
    const marks = row.marks[day] ?? [];
    marks.push({ kind: i.kind, summary: i.summary });
    row.marks[day] = marks;
    row.contacts++;
  }
  const groups = new Map<string, SheetRow[]>();
  for (const row of rows.values()) {
    const key = groupBy === 'tier' ? row.tier : row.region.slice(0, 2).join(' / ') || '—';
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return {
    month,
    days,
    groups: [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, rows]) => ({ key, rows })),
  };
}

const HEADERS = {
  zh: { group: '分组', customer: '客户', tier: '等级', contacts: '次数', remarks: '备注' },
  en: { group: 'Group', customer: 'Customer', tier: 'Tier', contacts: 'Contacts', remarks: 'Remarks' },
};

const COLON = { zh: '：', en: ': ' };

/** How a contact is named in the sheet's notes, in the sheet's language (never the API's word). */
const KINDS: Record<'zh' | 'en', Record<InteractionKind, string>> = {
  zh: { call: '电话', visit: '拜访', email: '邮件', sms: '短信', meeting: '会面', greeting: '问候', note: '备注' },
  en: {
    call: 'Call',
    visit: 'Visit',
    email: 'E-mail',
    sms: 'SMS',
    meeting: 'Meeting',
    greeting: 'Greeting',
    note: 'Note',
  },
};

/** The sheet as a grid: header row, then one row per customer with "V" marks and the count as a number. */
export function sheetGrid(sheet: ContactSheet, lang: 'zh' | 'en'): (string | number)[][] {
  const h = HEADERS[lang];
  const dayCols = Array.from({ length: sheet.days }, (_, i) => String(i + 1));
  const out: (string | number)[][] = [[h.group, h.customer, h.tier, ...dayCols, h.contacts, h.remarks]];
  for (const g of sheet.groups) {
    for (const r of g.rows) {
      out.push([g.key, r.name, r.tier, ...dayCols.map((d) => (r.marks[d] ? 'V' : '')), r.contacts, r.remarks ?? '']);
    }
  }
  return out;
}

/** XLSX for the manager: frozen header and name columns, narrow day columns, contact details as cell notes. */
export async function sheetXlsx(sheet: ContactSheet, lang: 'zh' | 'en'): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(sheet.month, { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  const grid = sheetGrid(sheet, lang);
  for (const row of grid) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  ws.getColumn(2).width = 32;
  for (let d = 1; d <= sheet.days; d++) ws.getColumn(3 + d).width = 3.5;
  let r = 2;
  for (const g of sheet.groups) {
    for (const row of g.rows) {
      for (const [day, marks] of Object.entries(row.marks)) {
        const cell = ws.getCell(r, 3 + Number(day));
        cell.note = marks
          .map(
            (m) =>
              `${KINDS[lang][m.kind as InteractionKind] ?? m.kind}${m.summary ? `${COLON[lang]}${m.summary}` : ''}`,
          )
          .join('\n');
        cell.alignment = { horizontal: 'center' };
      }
      r++;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV through the one CSV writer of every export (BOM for Excel, no cell ever run as a formula). */
export function sheetCsv(sheet: ContactSheet, lang: 'zh' | 'en'): Buffer {
  return toCsv(sheetGrid(sheet, lang));
}

/** A customer's remark for the month; one per file and month, the last write wins. */
export async function saveRemark(
  store: Store,
  customerId: number,
  month: string,
  text: string,
  now: Date,
  viewer: Viewer,
): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.customers.live(customerId, viewer);
    await tx.contactSheet.saveRemark(customerId, month, text, now.toISOString());
  });
}
