import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser.ts';
import { type DossierServer, TOKEN } from './server.ts';

/** The server's zone (its default): the board's "today" and the sheet's days are counted there. */
export const SERVER_TZ = 'Asia/Shanghai';

/** Today's day of the month where the server counts days. */
export const serverDay = (at = new Date()) =>
  Number(new Intl.DateTimeFormat('en-US', { timeZone: SERVER_TZ, day: 'numeric' }).format(at));

/** The extension's full-page dashboard at a view (`board`, `sheet`, `customer/12`…). */
export async function openDashboard(ext: ExtensionBrowser, view = 'board'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl(`dashboard.html#${view}`));
  return page;
}

/**
 * A tier C customer whose month earns a move up: a call a minute ago showing high intention
 * (seed 000: reclassified monthly from the contact record and the intention).
 */
export async function seedReclassCandidate(server: DossierServer) {
  const c = await server.createCustomer({
    name: 'Northwind Trading Co., Ltd.',
    tier: 'C',
    status: 'prospect',
    region: ['华南', '广东', '深圳'],
    people: [{ name: 'Ann Lee', title: 'General Manager', mobile: '+86 139 2000 3000', keyPerson: true }],
  });
  await server.logInteraction({
    customerId: c.id,
    kind: 'call',
    at: new Date(Date.now() - 60_000).toISOString(),
    summary: 'Wants a proposal for the Shenzhen warehouse.',
    intention: 'high',
    idempotencyKey: 'seed-northwind-call-1',
  });
  return c;
}

/** Reads the API as the extension does (the harness's token): a customer file, a list… */
export async function apiGet<T>(server: DossierServer, path: string): Promise<T> {
  const res = await fetch(server.url + path, { headers: { Authorization: `Bearer ${TOKEN}` } });
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}`);
  return (await res.json()) as T;
}

export interface CustomerState {
  tier: string;
  status: string;
  lostReasonCode: string | null;
  lostReason: string | null;
}

/** Reads an XLSX with the server's own ExcelJS: every row as an array of cell texts. */
export async function readXlsx(path: string): Promise<string[][]> {
  const require = createRequire(fileURLToPath(new URL('../../../server/package.json', import.meta.url)));
  const ExcelJS = require('exceljs') as { Workbook: new () => Workbook };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let i = 1; i <= ws.columnCount; i++) cells.push(row.getCell(i).text);
    rows.push(cells);
  });
  return rows;
}

/** The little of ExcelJS read here (the test package does not depend on it; the server does). */
interface Workbook {
  xlsx: { readFile(path: string): Promise<unknown> };
  worksheets: Array<{
    columnCount: number;
    eachRow(opts: { includeEmpty: boolean }, fn: (row: { getCell(i: number): { text: string } }) => void): void;
  }>;
}
