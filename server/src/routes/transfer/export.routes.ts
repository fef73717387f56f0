import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../deps.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { validate } from '../../lib/validate.ts';
import { liveCustomer } from '../../services/customers.ts';
import { backup } from '../../services/transfer/backup.ts';
import { tables, toCsv, toXlsx, visibleData } from '../../services/transfer/export.ts';
import { toVcf } from '../../services/transfer/vcard.ts';

const ExportQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'vcf', 'json']),
  /** CSV holds one table: which one. */
  entity: z.enum(['customers', 'people', 'keys', 'interactions']).default('customers'),
  lang: z.enum(['zh', 'en']).default('zh'),
  /** vCard of one customer's people only. */
  customerId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  vcf: 'text/vcard; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

export const exportDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/export',
    summary:
      'What the viewer can see: CSV (one entity) or XLSX (Customers, People, Keys, Interactions sheets), people as vCard 4.0, or a full JSON backup',
    query: ExportQuery,
    responses: { 200: null },
  },
];

export const exportRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', validate('query', ExportQuery), async (c) => {
    const q = c.req.valid('query');
    const viewer = c.get('viewer');
    const now = deps.clock();
    const day = now.toISOString().slice(0, 10);
    let body: Buffer;
    let name: string;
    if (q.format === 'json') {
      body = Buffer.from(JSON.stringify(backup(deps.db, viewer, now)), 'utf8');
      name = `dossier-backup-${day}.json`;
    } else if (q.format === 'vcf') {
      const data = visibleData(deps.db, viewer);
      if (q.customerId) liveCustomer(deps.db, q.customerId, viewer);
      const company = new Map(data.customers.map((x) => [x.id, x.name]));
      const rows = data.people
        .filter((p) => !q.customerId || p.customerId === q.customerId)
        .map((person) => ({ person, company: company.get(person.customerId) ?? '' }));
      body = Buffer.from(toVcf(rows), 'utf8');
      name = `dossier-people-${day}.vcf`;
    } else {
      const t = tables(visibleData(deps.db, viewer), q.lang);
      body = q.format === 'xlsx' ? await toXlsx(t, q.lang) : toCsv(t[q.entity]);
      name = q.format === 'xlsx' ? `dossier-${day}.xlsx` : `dossier-${q.entity}-${day}.csv`;
    }
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': TYPES[q.format],
      'Content-Disposition': `attachment; filename="${name}"`,
    });
  });
