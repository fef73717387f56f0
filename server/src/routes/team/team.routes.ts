import { Me } from '@dossier/shared';
import { z } from 'zod';
import { ApiError } from '../../lib/errors.ts';
import { empty, json, router, routesOf } from '../../lib/openapi.ts';
import { Id, IdParam } from '../../lib/params.ts';
import { shareCustomer, unshareCustomer } from '../../services/shares.ts';
import { addUser, listUsers, recentAudit, revokeUser, rotateUserToken } from '../../services/users.ts';
import { ownsOrManages, type Viewer } from '../../services/visibility.ts';

const Role = z.enum(['manager', 'member']);
const User = z.object({
  id: z.number(),
  name: z.string(),
  role: Role,
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
const NewUser = z.object({ name: z.string().trim().min(1).max(100), role: Role.default('member') });
const WithToken = z.object({ user: User, token: z.string() });
const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  userName: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number(),
  detail: z.string().nullable(),
});
const Share = z.object({ userId: z.number().int().positive() });
const ShareParams = IdParam.extend({ userId: Id });

const Users = z.object({ users: z.array(User) });
const Audit = z.object({ entries: z.array(AuditEntry) });
const route = routesOf('team');
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } } } });

const me = route({
  method: 'get',
  path: '/me',
  operationId: 'getMe',
  summary: 'Who the token belongs to',
  responses: { 200: json(Me, 'The viewer') },
});
const listed = route({
  method: 'get',
  path: '/users',
  operationId: 'listUsers',
  summary: 'Users (managers)',
  responses: { 200: json(Users, 'Every user, revoked ones too') },
});
const added = route({
  method: 'post',
  path: '/users',
  operationId: 'addUser',
  summary: 'Add a user; the answer holds their token, shown once (managers)',
  request: body(NewUser),
  errors: [409],
  responses: { 201: json(WithToken, 'The user and their token') },
});
const token = route({
  method: 'post',
  path: '/users/{id}/token',
  operationId: 'rotateUserToken',
  summary: 'Issue a new token (managers, or the user for themself)',
  request: { params: IdParam },
  errors: [404],
  responses: { 200: json(WithToken, 'The user and their new token; the old one stops working') },
});
const revoked = route({
  method: 'post',
  path: '/users/{id}/revoke',
  operationId: 'revokeUser',
  summary: 'Revoke a user and their token (managers)',
  request: { params: IdParam },
  errors: [404, 409],
  responses: { 200: json(User, 'The user, revoked') },
});
const audit = route({
  method: 'get',
  path: '/audit',
  operationId: 'getAudit',
  summary: 'Who changed what, when (managers)',
  request: { query: AuditQuery },
  responses: { 200: json(Audit, 'The latest entries first') },
});
const share = route({
  method: 'post',
  path: '/customers/{id}/shares',
  operationId: 'shareCustomer',
  summary: 'Share a customer file with a member (its owner or a manager)',
  request: { params: IdParam, ...body(Share) },
  errors: [404],
  responses: { 204: empty('Shared') },
});
const unshare = route({
  method: 'delete',
  path: '/customers/{id}/shares/{userId}',
  operationId: 'unshareCustomer',
  summary: 'Stop sharing a file',
  request: { params: ShareParams },
  errors: [404],
  responses: { 204: empty('No longer shared') },
});

const managerOnly = (v: Viewer) => {
  if (v.role !== 'manager') throw new ApiError('forbidden', 'managers only');
};

/** Only the file's owner or a manager shares it; the customer-scope middleware has already loaded the file. */
const shareable = (v: Viewer, owner: string | null) => {
  if (!ownsOrManages(v, owner)) throw new ApiError('forbidden', 'only the owner or a manager shares a file');
};

export const teamRoutes = () =>
  router()
    .openapi(me, (c) => c.json(c.get('ctx').viewer, 200))
    .openapi(listed, async (c) => {
      const { store, viewer } = c.get('ctx');
      managerOnly(viewer);
      return c.json({ users: await listUsers(store) }, 200);
    })
    .openapi(added, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      managerOnly(viewer);
      const { name, role } = c.req.valid('json');
      return c.json(await addUser(store, name, role, now), 201);
    })
    .openapi(token, async (c) => {
      const { id } = c.req.valid('param');
      const { store, viewer } = c.get('ctx');
      if (viewer.id !== id) managerOnly(viewer);
      return c.json(await rotateUserToken(store, id), 200);
    })
    .openapi(revoked, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      managerOnly(viewer);
      return c.json(await revokeUser(store, c.req.valid('param').id, now, viewer), 200);
    })
    .openapi(audit, async (c) => {
      const { store, viewer } = c.get('ctx');
      managerOnly(viewer);
      return c.json({ entries: await recentAudit(store, c.req.valid('query').limit) }, 200);
    })
    .openapi(share, async (c) => {
      const { id } = c.req.valid('param');
      const { store, now, viewer } = c.get('ctx');
      shareable(viewer, c.get('customer').owner);
      await shareCustomer(store, id, c.req.valid('json').userId, now);
      return c.body(null, 204);
    })
    .openapi(unshare, async (c) => {
      const { id, userId } = c.req.valid('param');
      const { store, viewer } = c.get('ctx');
      shareable(viewer, c.get('customer').owner);
      await unshareCustomer(store, id, userId);
      return c.body(null, 204);
    });
