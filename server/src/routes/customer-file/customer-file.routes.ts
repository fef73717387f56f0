import { Commitments, Material, Materials, type Parcel, Parcels, TierHistory } from '@dossier/shared';
import { and, asc, desc, eq, max } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { commitments, materials, parcels, tierChanges } from '../../db/schema.ts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { ApiError, notFound } from '../../lib/errors.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { IdParam } from '../../lib/params.ts';
import { validate } from '../../lib/validate.ts';
import { liveCustomer } from '../../services/customers.ts';

/** A material is a link, or a small file sent as base64 (the 1 MB body limit holds). */
const MaterialInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    url: z
      .string()
      .max(2000)
      .regex(/^https?:\/\//i, 'http or https only')
      .optional(),
    fileName: z.string().max(200).optional(),
    mimeType: z.string().max(100).optional(),
    contentBase64: z.string().max(1_000_000).optional(),
  })
  .refine((m) => m.url || (m.fileName && m.contentBase64), {
    message: 'give a url or a file (fileName + contentBase64)',
  });
const MaterialParams = IdParam.extend({ materialId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const customerFileDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/customers/:id/tier-history',
    summary: 'Every tier change with its reason',
    responses: { 200: TierHistory },
  },
  {
    method: 'get',
    path: '/api/customers/:id/parcels',
    summary: 'Parcels won or watched for this customer',
    responses: { 200: Parcels },
  },
  {
    method: 'get',
    path: '/api/customers/:id/commitments',
    summary: 'Promises made to this customer, open first',
    responses: { 200: Commitments },
  },
  {
    method: 'get',
    path: '/api/customers/:id/materials',
    summary: 'Collected materials, numbered',
    responses: { 200: Materials },
  },
  {
    method: 'post',
    path: '/api/customers/:id/materials',
    summary: 'Add a material (link or small file); it gets the next number',
    body: MaterialInput,
    responses: { 201: Material },
  },
  {
    method: 'get',
    path: '/api/customers/:id/materials/:materialId/file',
    summary: 'Download a material file',
    responses: { 200: null },
  },
  {
    method: 'delete',
    path: '/api/customers/:id/materials/:materialId',
    summary: 'Remove a material',
    responses: { 204: null },
  },
];

const toMaterial = (m: typeof materials.$inferSelect) => ({
  id: m.id,
  customerId: m.customerId,
  number: m.number,
  title: m.title,
  url: m.url,
  fileName: m.fileName,
  mimeType: m.mimeType,
  bytes: m.content?.length ?? 0,
  createdAt: m.createdAt,
});

const toParcel = (p: typeof parcels.$inferSelect): Parcel => {
  const out: Record<string, unknown> = {};
  // Optional capture fields are omitted when unknown, as in a capture.
  for (const [k, v] of Object.entries(p)) if (v !== null || ['customerId', 'sourceUrl'].includes(k)) out[k] = v;
  return out as Parcel;
};

export const customerFileRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/:id/tier-history', validate('param', IdParam), (c) => {
      const { id } = c.req.valid('param');
      liveCustomer(deps.db, id, c.get('viewer'));
      const rows = deps.db
        .select()
        .from(tierChanges)
        .where(eq(tierChanges.customerId, id))
        .orderBy(asc(tierChanges.id))
        .all();
      return c.json({ changes: rows.map(({ customerId: _c, ...r }) => r) }, 200);
    })
    .get('/:id/parcels', validate('param', IdParam), (c) => {
      const { id } = c.req.valid('param');
      liveCustomer(deps.db, id, c.get('viewer'));
      const rows = deps.db.select().from(parcels).where(eq(parcels.customerId, id)).orderBy(desc(parcels.id)).all();
      return c.json({ parcels: rows.map(toParcel) }, 200);
    })
    .get('/:id/commitments', validate('param', IdParam), (c) => {
      const { id } = c.req.valid('param');
      liveCustomer(deps.db, id, c.get('viewer'));
      const rows = deps.db
        .select()
        .from(commitments)
        .where(eq(commitments.customerId, id))
        .orderBy(asc(commitments.dueAt))
        .all();
      const list = rows
        .map(({ idempotencyKey: _i, ...r }) => r)
        .sort((a, b) => Number(!!a.keptAt) - Number(!!b.keptAt));
      return c.json({ commitments: list }, 200);
    })
    .get('/:id/materials', validate('param', IdParam), (c) => {
      const { id } = c.req.valid('param');
      liveCustomer(deps.db, id, c.get('viewer'));
      const rows = deps.db
        .select()
        .from(materials)
        .where(eq(materials.customerId, id))
        .orderBy(asc(materials.number))
        .all();
      return c.json({ materials: rows.map(toMaterial) }, 200);
    })
    .post('/:id/materials', validate('param', IdParam), validate('json', MaterialInput), (c) => {
      const { id } = c.req.valid('param');
      const m = c.req.valid('json');
      const content = m.contentBase64 ? Buffer.from(m.contentBase64, 'base64') : null;
      if (m.contentBase64 && !content?.length)
        throw new ApiError('invalid_request', 'contentBase64 is not base64', [{ path: 'contentBase64' }]);
      const row = deps.db.transaction((tx) => {
        liveCustomer(tx, id, c.get('viewer'));
        const last = tx
          .select({ n: max(materials.number) })
          .from(materials)
          .where(eq(materials.customerId, id))
          .get();
        return tx
          .insert(materials)
          .values({
            customerId: id,
            number: (last?.n ?? 0) + 1,
            title: m.title,
            url: m.url ?? null,
            fileName: m.fileName ?? null,
            mimeType: m.mimeType ?? null,
            content,
            createdAt: deps.clock().toISOString(),
          })
          .returning()
          .get();
      });
      return c.json(toMaterial(row), 201);
    })
    .get('/:id/materials/:materialId/file', validate('param', MaterialParams), (c) => {
      const { id, materialId } = c.req.valid('param');
      liveCustomer(deps.db, id, c.get('viewer'));
      const m = deps.db
        .select()
        .from(materials)
        .where(and(eq(materials.id, materialId), eq(materials.customerId, id)))
        .get();
      if (!m?.content) throw notFound('material file');
      // Served as an attachment, never rendered: a captured file must not run as a page.
      return c.body(new Uint8Array(m.content), 200, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(m.fileName ?? `material-${m.number}`)}`,
      });
    })
    .delete('/:id/materials/:materialId', validate('param', MaterialParams), (c) => {
      const { id, materialId } = c.req.valid('param');
      liveCustomer(deps.db, id, c.get('viewer'));
      const gone = deps.db
        .delete(materials)
        .where(and(eq(materials.id, materialId), eq(materials.customerId, id)))
        .returning({ id: materials.id })
        .get();
      if (!gone) throw notFound('material');
      return c.body(null, 204);
    });
