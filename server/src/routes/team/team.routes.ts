import { Me } from '@dossier/shared';
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { customerShares, users } from '../../db/schema.ts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { ApiError } from '../../lib/errors.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { IdParam } from '../../lib/params.ts';
import { validate } from '../../lib/validate.ts';
import { liveCustomer } from '../../services/customers.ts';
import { addUser, listUsers, recentAudit, revokeUser, rotateUserToken } from '../../services/users.ts';
import type { Viewer } from '../../services/visibility.ts';

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
const ShareParams = IdParam.extend({ userId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const teamDocs: RouteDoc[] = [
  { method: 'get', path: '/api/me', summary: 'Who the token belongs to', responses: { 200: Me } },
  {
    method: 'get',
    path: '/api/users',
    summary: 'Users (managers)',
    responses: { 200: z.object({ users: z.array(User) }) },
  },
  {
    method: 'post',
    path: '/api/users',
    summary: 'Add a user; the answer holds their token, shown once (managers)',
    body: NewUser,
    responses: { 201: WithToken },
  },
  {
    method: 'post',
    path: '/api/users/:id/token',
    summary: 'Issue a new token (managers, or the user for themself)',
    responses: { 200: WithToken },
  },
  {
    method: 'post',
    path: '/api/users/:id/revoke',
    summary: 'Revoke a user and their token (managers)',
    responses: { 200: User },
  },
  {
    method: 'get',
    path: '/api/audit',
    summary: 'Who changed what, when (managers)',
    query: AuditQuery,
    responses: { 200: z.object({ entries: z.array(AuditEntry) }) },
  },
  {
    method: 'post',
    path: '/api/customers/:id/shares',
    summary: 'Share a customer file with a member (its owner or a manager)',
    body: Share,
    responses: { 204: null },
  },
  {
    method: 'delete',
    path: '/api/customers/:id/shares/:userId',
    summary: 'Stop sharing a file',
    responses: { 204: null },
  },
];

const managerOnly = (v: Viewer) => {
  if (v.role !== 'manager') throw new ApiError('forbidden', 'managers only');
};

export const teamRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/me', (c) => c.json(c.get('viewer'), 200))
    .get('/users', (c) => {
      managerOnly(c.get('viewer'));
      return c.json({ users: listUsers(deps.db) }, 200);
    })
    .post('/users', validate('json', NewUser), (c) => {
      managerOnly(c.get('viewer'));
      const { name, role } = c.req.valid('json');
      return c.json(addUser(deps.db, name, role, deps.clock()), 201);
    })
    .post('/users/:id/token', validate('param', IdParam), (c) => {
      const { id } = c.req.valid('param');
      if (c.get('viewer').id !== id) managerOnly(c.get('viewer'));
      return c.json(rotateUserToken(deps.db, id), 200);
    })
    .post('/users/:id/revoke', validate('param', IdParam), (c) => {
      managerOnly(c.get('viewer'));
      return c.json(revokeUser(deps.db, c.req.valid('param').id, deps.clock(), c.get('viewer')), 200);
    })
    .get('/audit', validate('query', AuditQuery), (c) => {
      managerOnly(c.get('viewer'));
      return c.json({ entries: recentAudit(deps.db, c.req.valid('query').limit) }, 200);
    })
    .post('/customers/:id/shares', validate('param', IdParam), validate('json', Share), (c) => {
      const { id } = c.req.valid('param');
      const viewer = c.get('viewer');
      const row = liveCustomer(deps.db, id, viewer);
      if (viewer.role !== 'manager' && row.owner !== viewer.name)
        throw new ApiError('forbidden', 'only the owner or a manager shares a file');
      const { userId } = c.req.valid('json');
      const user = deps.db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
      if (!user) throw new ApiError('invalid_request', `no user ${userId}`, [{ path: 'userId' }]);
      deps.db
        .insert(customerShares)
        .values({ customerId: id, userId, createdAt: deps.clock().toISOString() })
        .onConflictDoNothing()
        .run();
      return c.body(null, 204);
    })
    .delete('/customers/:id/shares/:userId', validate('param', ShareParams), (c) => {
      const { id, userId } = c.req.valid('param');
      const viewer = c.get('viewer');
      const row = liveCustomer(deps.db, id, viewer);
      if (viewer.role !== 'manager' && row.owner !== viewer.name)
        throw new ApiError('forbidden', 'only the owner or a manager shares a file');
      deps.db
        .delete(customerShares)
        .where(and(eq(customerShares.customerId, id), eq(customerShares.userId, userId)))
        .run();
      return c.body(null, 204);
    });
