import { Commitments, Material, Materials, type Parcel, Parcels, TierHistory } from '@dossier/shared';
import { and, asc, desc, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { commitments, materials, parcels, tierChanges } from '../../db/schema.ts';
import { ApiError, notFound } from '../../lib/errors.ts';
import { empty, file, json, MEDIA, router, routesOf } from '../../lib/openapi.ts';
import { IdParam } from '../../lib/params.ts';
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

const route = routesOf('customer-file');
const byId = { params: IdParam };

const tierHistory = route({
  method: 'get',
  path: '/{id}/tier-history',
  operationId: 'getTierHistory',
  summary: 'Every tier change with its reason',
  request: byId,
  errors: [404],
  responses: { 200: json(TierHistory, 'Oldest change first') },
});
const parcelList = route({
  method: 'get',
  path: '/{id}/parcels',
  operationId: 'listParcels',
  summary: 'Parcels won or watched for this customer',
  request: byId,
  errors: [404],
  responses: { 200: json(Parcels, 'Latest first') },
});
const commitmentList = route({
  method: 'get',
  path: '/{id}/commitments',
  operationId: 'listCommitments',
  summary: 'Promises made to this customer, open first',
  request: byId,
  errors: [404],
  responses: { 200: json(Commitments, 'Open ones first, each by due time') },
});
const materialList = route({
  method: 'get',
  path: '/{id}/materials',
  operationId: 'listMaterials',
  summary: 'Collected materials, numbered',
  request: byId,
  errors: [404],
  responses: { 200: json(Materials, 'In number order') },
});
const materialAdd = route({
  method: 'post',
  path: '/{id}/materials',
  operationId: 'addMaterial',
  summary: 'Add a material (link or small file); it gets the next number',
  request: { ...byId, body: { content: { 'application/json': { schema: MaterialInput } } } },
  errors: [404],
  responses: { 201: json(Material, 'Added') },
});
const materialFile = route({
  method: 'get',
  path: '/{id}/materials/{materialId}/file',
  operationId: 'downloadMaterial',
  summary: 'Download a material file (always as an attachment)',
  request: { params: MaterialParams },
  errors: [404],
  responses: { 200: file('The file as it was added', [MEDIA.octet]) },
});
const materialRemove = route({
  method: 'delete',
  path: '/{id}/materials/{materialId}',
  operationId: 'removeMaterial',
  summary: 'Remove a material',
  request: { params: MaterialParams },
  errors: [404],
  responses: { 204: empty('Removed') },
});

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

// The customer-scope middleware has already checked that the viewer may see file :id (else 404).
export const customerFileRoutes = () =>
  router()
    .openapi(tierHistory, (c) => {
      const { id } = c.req.valid('param');
      const rows = c
        .get('ctx')
        .db.select()
        .from(tierChanges)
        .where(eq(tierChanges.customerId, id))
        .orderBy(asc(tierChanges.id))
        .all();
      return c.json({ changes: rows.map(({ customerId: _c, ...r }) => r) }, 200);
    })
    .openapi(parcelList, (c) => {
      const { id } = c.req.valid('param');
      const rows = c
        .get('ctx')
        .db.select()
        .from(parcels)
        .where(eq(parcels.customerId, id))
        .orderBy(desc(parcels.id))
        .all();
      return c.json({ parcels: rows.map(toParcel) }, 200);
    })
    .openapi(commitmentList, (c) => {
      const { id } = c.req.valid('param');
      const rows = c
        .get('ctx')
        .db.select()
        .from(commitments)
        .where(eq(commitments.customerId, id))
        .orderBy(asc(commitments.dueAt))
        .all();
      const list = rows
        .map(({ idempotencyKey: _i, ...r }) => r)
        .sort((a, b) => Number(!!a.keptAt) - Number(!!b.keptAt));
      return c.json({ commitments: list }, 200);
    })
    .openapi(materialList, (c) => {
      const { id } = c.req.valid('param');
      const rows = c
        .get('ctx')
        .db.select()
        .from(materials)
        .where(eq(materials.customerId, id))
        .orderBy(asc(materials.number))
        .all();
      return c.json({ materials: rows.map(toMaterial) }, 200);
    })
    .openapi(materialAdd, (c) => {
      const { id } = c.req.valid('param');
      const { db, now, viewer } = c.get('ctx');
      const m = c.req.valid('json');
      const content = m.contentBase64 ? Buffer.from(m.contentBase64, 'base64') : null;
      if (m.contentBase64 && !content?.length)
        throw new ApiError('invalid_request', 'contentBase64 is not base64', [{ path: 'contentBase64' }]);
      const row = db.transaction((tx) => {
        // Again inside the write: the file may have been removed while the body was read.
        liveCustomer(tx, id, viewer);
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
            createdAt: now.toISOString(),
          })
          .returning()
          .get();
      });
      return c.json(toMaterial(row), 201);
    })
    .openapi(materialFile, (c) => {
      const { id, materialId } = c.req.valid('param');
      const m = c
        .get('ctx')
        .db.select()
        .from(materials)
        .where(and(eq(materials.id, materialId), eq(materials.customerId, id)))
        .get();
      if (!m?.content) throw notFound('material file');
      // Served as an attachment, never rendered: a captured file must not run as a page.
      return c.body(new Uint8Array(m.content), 200, {
        'Content-Type': MEDIA.octet,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(m.fileName ?? `material-${m.number}`)}`,
      });
    })
    .openapi(materialRemove, (c) => {
      const { id, materialId } = c.req.valid('param');
      const gone = c
        .get('ctx')
        .db.delete(materials)
        .where(and(eq(materials.id, materialId), eq(materials.customerId, id)))
        .returning({ id: materials.id })
        .get();
      if (!gone) throw notFound('material');
      return c.body(null, 204);
    });
