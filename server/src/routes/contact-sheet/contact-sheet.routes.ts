import { Sheet } from '@dossier/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { sheetRemarks } from '../../db/schema.ts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { validate } from '../../lib/validate.ts';
import { contactSheet, sheetCsv, sheetXlsx } from '../../services/contact-sheet.ts';
import { liveCustomer } from '../../services/customers.ts';
import { getSettings } from '../../services/settings.ts';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'like 2026-11');
const Query = z.object({
  month: Month,
  groupBy: z.enum(['tier', 'region']).default('tier'),
  owner: z.string().max(200).optional(),
});
const ExportQuery = Query.extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  lang: z.enum(['zh', 'en']).default('zh'),
});
const Remarks = z.object({ customerId: z.number().int().positive(), month: Month, text: z.string().trim().max(500) });

export const contactSheetDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/contact-sheet',
    summary: 'The month grid: one row per customer, a mark per day with a contact',
    query: Query,
    responses: { 200: Sheet },
  },
  {
    method: 'get',
    path: '/api/contact-sheet/export',
    summary: 'The month grid as XLSX or CSV ("V" marks, remarks)',
    query: ExportQuery,
    responses: { 200: null },
  },
  {
    method: 'put',
    path: '/api/contact-sheet/remarks',
    summary: "A customer's remark for the month",
    body: Remarks,
    responses: { 204: null },
  },
];

export const contactSheetRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/', validate('query', Query), (c) => {
      const q = c.req.valid('query');
      return c.json(contactSheet(deps.db, q.month, getSettings(deps.db), c.get('viewer'), q.groupBy, q.owner), 200);
    })
    .get('/export', validate('query', ExportQuery), async (c) => {
      const q = c.req.valid('query');
      const sheet = contactSheet(deps.db, q.month, getSettings(deps.db), c.get('viewer'), q.groupBy, q.owner);
      const body = q.format === 'xlsx' ? await sheetXlsx(sheet, q.lang) : sheetCsv(sheet, q.lang);
      const type =
        q.format === 'xlsx'
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv; charset=utf-8';
      return c.body(new Uint8Array(body), 200, {
        'Content-Type': type,
        'Content-Disposition': `attachment; filename="contact-sheet-${q.month}.${q.format}"`,
      });
    })
    .put('/remarks', validate('json', Remarks), (c) => {
      const { customerId, month, text } = c.req.valid('json');
      liveCustomer(deps.db, customerId, c.get('viewer'));
      deps.db
        .insert(sheetRemarks)
        .values({ customerId, month, text, updatedAt: deps.clock().toISOString() })
        .onConflictDoUpdate({
          target: [sheetRemarks.customerId, sheetRemarks.month],
          set: { text, updatedAt: deps.clock().toISOString() },
        })
        .run();
      return c.body(null, 204);
    });
