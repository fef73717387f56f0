import { z } from 'zod';
import { file, MEDIA, router, routesOf } from '../../lib/openapi.ts';
import { exportFile } from '../../services/transfer/export-file.ts';

const ExportQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'vcf', 'json']),
  /** CSV holds one table: which one. */
  entity: z.enum(['customers', 'people', 'keys', 'interactions']).default('customers'),
  lang: z.enum(['zh', 'en']).default('zh'),
  /** vCard version: 4.0 (RFC 6350, the default) or 3.0 (RFC 2426) for readers that take only that. */
  version: z.enum(['3.0', '4.0']).default('4.0'),
  /**
   * The people's private notes (preferences) too: left out unless asked for — an export is
   * handed on (to a phone, a colleague, another program), and those notes are for the user only.
   */
  private: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** vCard of one customer's people only. */
  customerId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});

const TYPES = {
  csv: `${MEDIA.csv}; charset=utf-8`,
  xlsx: MEDIA.xlsx,
  vcf: `${MEDIA.vcard}; charset=utf-8`,
  json: `${MEDIA.json}; charset=utf-8`,
} as const;

const route = routesOf('export');

const exported = route({
  method: 'get',
  path: '/',
  operationId: 'exportData',
  summary:
    "What the viewer can see: CSV (one entity) or XLSX (Customers, People, Keys, Interactions sheets; dates as date cells in the configured time zone, values in the book's language), people as vCard 4.0 or 3.0, or a full JSON backup. People's private notes are left out of CSV, XLSX and vCard unless private=true; the backup, made to restore from, keeps everything",
  request: { query: ExportQuery },
  errors: [404],
  responses: {
    200: file('An attachment in the format asked for', [MEDIA.csv, MEDIA.xlsx, MEDIA.vcard, MEDIA.json]),
  },
});

export const exportRoutes = () =>
  router().openapi(exported, async (c) => {
    const q = c.req.valid('query');
    const { store, now, viewer } = c.get('ctx');
    const { private: privateNotes, ...rest } = q;
    const { body, name } = await exportFile(store, viewer, now, { ...rest, privateNotes });
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': TYPES[q.format],
      'Content-Disposition': `attachment; filename="${name}"`,
    });
  });
