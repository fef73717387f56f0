import { Sheet } from '@dossier/shared';
import { z } from 'zod';
import { empty, file, json, MEDIA, router, routesOf } from '../../lib/openapi.ts';
import { contactSheet, saveRemark, sheetCsv, sheetXlsx } from '../../services/contact-sheet.ts';

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

const route = routesOf('contact-sheet');

const grid = route({
  method: 'get',
  path: '/',
  operationId: 'getContactSheet',
  summary: 'The month grid: one row per customer, a mark per day with a contact',
  request: { query: Query },
  responses: { 200: json(Sheet, 'The month grid') },
});

const exported = route({
  method: 'get',
  path: '/export',
  operationId: 'exportContactSheet',
  summary: 'The month grid as XLSX or CSV ("V" marks, remarks)',
  request: { query: ExportQuery },
  responses: { 200: file('The grid as an attachment', [MEDIA.xlsx, MEDIA.csv]) },
});

const remark = route({
  method: 'put',
  path: '/remarks',
  operationId: 'putContactSheetRemark',
  summary: "A customer's remark for the month",
  request: { body: { content: { 'application/json': { schema: Remarks } } } },
  errors: [404],
  responses: { 204: empty('Saved') },
});

export const contactSheetRoutes = () =>
  router()
    .openapi(grid, async (c) => {
      const q = c.req.valid('query');
      const { store, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      return c.json(await contactSheet(store, q.month, settings, viewer, q.groupBy, q.owner), 200);
    })
    .openapi(exported, async (c) => {
      const q = c.req.valid('query');
      const { store, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      const sheet = await contactSheet(store, q.month, settings, viewer, q.groupBy, q.owner);
      const body = q.format === 'xlsx' ? await sheetXlsx(sheet, q.lang) : sheetCsv(sheet, q.lang);
      return c.body(new Uint8Array(body), 200, {
        'Content-Type': q.format === 'xlsx' ? MEDIA.xlsx : `${MEDIA.csv}; charset=utf-8`,
        'Content-Disposition': `attachment; filename="contact-sheet-${q.month}.${q.format}"`,
      });
    })
    .openapi(remark, async (c) => {
      const { customerId, month, text } = c.req.valid('json');
      const { store, now, viewer } = c.get('ctx');
      await saveRemark(store, customerId, month, text, now, viewer);
      return c.body(null, 204);
    });
