import {
  Commitments,
  ContactPointConfirm,
  ContactPoints,
  Material,
  Materials,
  Parcels,
  TierHistory,
} from '@dossier/shared';
import { z } from 'zod';
import { empty, file, json, MEDIA, router, routesOf } from '../../lib/openapi.ts';
import { Id, IdParam } from '../../lib/params.ts';
import { confirmContactPoint, contactPointList } from '../../services/contact-points.ts';
import {
  addMaterial,
  commitmentList,
  materialFile,
  materialList,
  parcelList,
  removeMaterial,
  tierHistory,
} from '../../services/customer-file.ts';

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
const MaterialParams = IdParam.extend({ materialId: Id });

const route = routesOf('customer-file');
const byId = { params: IdParam };

const tierHistoryRoute = route({
  method: 'get',
  path: '/{id}/tier-history',
  operationId: 'getTierHistory',
  summary: 'Every tier change with its reason',
  request: byId,
  errors: [404],
  responses: { 200: json(TierHistory, 'Oldest change first') },
});
const parcelListRoute = route({
  method: 'get',
  path: '/{id}/parcels',
  operationId: 'listParcels',
  summary: 'Parcels won or watched for this customer',
  request: byId,
  errors: [404],
  responses: { 200: json(Parcels, 'Latest first') },
});
const commitmentListRoute = route({
  method: 'get',
  path: '/{id}/commitments',
  operationId: 'listCommitments',
  summary: 'Promises made to this customer, open first',
  request: byId,
  errors: [404],
  responses: { 200: json(Commitments, 'Open ones first, each by due time') },
});
const materialListRoute = route({
  method: 'get',
  path: '/{id}/materials',
  operationId: 'listMaterials',
  summary: 'Collected materials, numbered',
  request: byId,
  errors: [404],
  responses: { 200: json(Materials, 'In number order') },
});
const materialAddRoute = route({
  method: 'post',
  path: '/{id}/materials',
  operationId: 'addMaterial',
  summary: 'Add a material (link or small file); it gets the next number',
  request: { ...byId, body: { content: { 'application/json': { schema: MaterialInput } } } },
  errors: [404],
  responses: { 201: json(Material, 'Added') },
});
const materialFileRoute = route({
  method: 'get',
  path: '/{id}/materials/{materialId}/file',
  operationId: 'downloadMaterial',
  summary: 'Download a material file (always as an attachment)',
  request: { params: MaterialParams },
  errors: [404],
  responses: { 200: file('The file as it was added', [MEDIA.octet]) },
});
const materialRemoveRoute = route({
  method: 'delete',
  path: '/{id}/materials/{materialId}',
  operationId: 'removeMaterial',
  summary: 'Remove a material',
  request: { params: MaterialParams },
  errors: [404],
  responses: { 204: empty('Removed') },
});
const contactPointsRoute = route({
  method: 'get',
  path: '/{id}/contact-points',
  operationId: 'listContactPoints',
  summary: 'Each phone and e-mail of the file: where it came from, how old it is, whether to verify it before calling',
  request: byId,
  errors: [404],
  responses: { 200: json(ContactPoints, 'The file’s own values first, then each person’s') },
});
const contactPointConfirmRoute = route({
  method: 'post',
  path: '/{id}/contact-points/confirm',
  operationId: 'confirmContactPoint',
  summary: '"Still right": confirm a phone or e-mail of the file (or of one of its people) now',
  request: { ...byId, body: { content: { 'application/json': { schema: ContactPointConfirm } } } },
  errors: [404],
  responses: { 200: json(ContactPoints, 'The file’s values after the confirmation') },
});

// The customer-scope middleware has already checked that the viewer may see file :id (else 404).
export const customerFileRoutes = () =>
  router()
    .openapi(tierHistoryRoute, async (c) => c.json(await tierHistory(c.get('ctx').store, c.req.valid('param').id), 200))
    .openapi(parcelListRoute, async (c) => c.json(await parcelList(c.get('ctx').store, c.req.valid('param').id), 200))
    .openapi(commitmentListRoute, async (c) =>
      c.json(await commitmentList(c.get('ctx').store, c.req.valid('param').id), 200),
    )
    .openapi(materialListRoute, async (c) =>
      c.json(await materialList(c.get('ctx').store, c.req.valid('param').id), 200),
    )
    .openapi(materialAddRoute, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      return c.json(await addMaterial(store, c.req.valid('param').id, c.req.valid('json'), now, viewer), 201);
    })
    .openapi(materialFileRoute, async (c) => {
      const { id, materialId } = c.req.valid('param');
      const { content, fileName } = await materialFile(c.get('ctx').store, id, materialId);
      // Served as an attachment, never rendered: a captured file must not run as a page.
      return c.body(new Uint8Array(content), 200, {
        'Content-Type': MEDIA.octet,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      });
    })
    .openapi(contactPointsRoute, async (c) => {
      const ctx = c.get('ctx');
      return c.json(await contactPointList(ctx.store, c.req.valid('param').id, await ctx.settings(), ctx.now), 200);
    })
    .openapi(contactPointConfirmRoute, async (c) => {
      const ctx = c.get('ctx');
      const id = c.req.valid('param').id;
      const body = c.req.valid('json');
      return c.json(await confirmContactPoint(ctx.store, id, body, ctx.now, await ctx.settings(), ctx.viewer), 200);
    })
    .openapi(materialRemoveRoute, async (c) => {
      const { id, materialId } = c.req.valid('param');
      await removeMaterial(c.get('ctx').store, id, materialId);
      return c.body(null, 204);
    });
