import {
  CompanyType,
  type Customer,
  CustomerCreate,
  CustomerDetail,
  CustomerList,
  CustomerStatus,
  CustomerUpdate,
  Interactions,
  Key,
  KeyInput,
  Person,
  PersonInput,
  SizeClass,
  Stage,
  Tier,
} from '@dossier/shared';
import { and, asc, count, desc, eq, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { customerKeys, customers, interactions, people } from '../../db/schema.ts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { notFound } from '../../lib/errors.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { IdParam } from '../../lib/params.ts';
import { validate } from '../../lib/validate.ts';
import {
  addKeys,
  canonicalKey,
  createCustomer,
  getCustomerDetail,
  insertPerson,
  reopenCustomer,
  softDeleteCustomer,
  updateCustomer,
} from '../../services/customers.ts';
import { cancelAppointment } from '../../services/interactions.ts';
import { toCustomer, toInteraction, toKey, toPerson } from '../../services/mappers.ts';
import { reindexCustomer } from '../../services/search-index.ts';
import { getSettings } from '../../services/settings.ts';
import { visible } from '../../services/visibility.ts';

const ListQuery = z.object({
  tier: Tier.optional(),
  status: CustomerStatus.optional(),
  owner: z.string().max(200).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  stage: Stage.optional(),
  companyType: CompanyType.optional(),
  sizeClass: SizeClass.optional(),
  /** A region path, outermost first: "华东/江苏" matches every customer in Jiangsu. */
  region: z.string().max(200).optional(),
  /** "due" (earliest next due first) or "initials" (the A–Z index order). */
  sort: z.enum(['due', 'initials']).default('due'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
const PersonParams = IdParam.extend({ personId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const KeyParams = IdParam.extend({ keyId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const customerDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/customers',
    summary: 'List customer files, earliest due first',
    query: ListQuery,
    responses: { 200: CustomerList },
  },
  {
    method: 'post',
    path: '/api/customers',
    summary: 'Create a customer file with keys and people',
    body: CustomerCreate,
    responses: { 201: CustomerDetail, 200: CustomerDetail },
  },
  {
    method: 'get',
    path: '/api/customers/:id',
    summary: 'One customer file with keys and people',
    responses: { 200: CustomerDetail },
  },
  {
    method: 'patch',
    path: '/api/customers/:id',
    summary: 'Edit fields of a customer file',
    body: CustomerUpdate,
    responses: { 200: CustomerDetail },
  },
  {
    method: 'delete',
    path: '/api/customers/:id',
    summary: 'Remove a customer file (soft delete)',
    responses: { 204: null },
  },
  {
    method: 'get',
    path: '/api/customers/:id/interactions',
    summary: 'The full contact history',
    responses: { 200: Interactions },
  },
  {
    method: 'post',
    path: '/api/customers/:id/reopen',
    summary: 'Reopen a lost customer: active again, due dates back on the board',
    responses: { 200: CustomerDetail },
  },
  {
    method: 'delete',
    path: '/api/customers/:id/appointment',
    summary: 'Cancel the standing appointment (404 if none stands); e-mails and notes never cancel one',
    responses: { 204: null },
  },
  {
    method: 'post',
    path: '/api/customers/:id/people',
    summary: 'Add a person',
    body: PersonInput,
    responses: { 201: Person },
  },
  {
    method: 'patch',
    path: '/api/customers/:id/people/:personId',
    summary: 'Edit a person',
    body: PersonInput.partial(),
    responses: { 200: Person },
  },
  {
    method: 'delete',
    path: '/api/customers/:id/people/:personId',
    summary: 'Remove a person',
    responses: { 204: null },
  },
  {
    method: 'post',
    path: '/api/customers/:id/keys',
    summary: 'Add a matching key (409 if another customer holds it)',
    body: KeyInput,
    responses: { 201: Key },
  },
  {
    method: 'delete',
    path: '/api/customers/:id/keys/:keyId',
    summary: 'Remove a matching key',
    responses: { 204: null },
  },
];

export const customerRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/', validate('query', ListQuery), (c) => {
      const q = c.req.valid('query');
      const now = deps.clock().toISOString();
      const where: SQL[] = [isNull(customers.deletedAt), visible(c.get('viewer'))];
      if (q.tier) where.push(eq(customers.tier, q.tier));
      if (q.status) where.push(eq(customers.status, q.status));
      if (q.owner) where.push(eq(customers.owner, q.owner));
      // Lost files have no due dates: they stay out of the due order and the overdue filter
      // unless lost files are asked for by status (the A–Z index lists every file).
      if (q.overdue === 'true' || (q.sort === 'due' && !q.status)) where.push(ne(customers.status, 'lost'));
      if (q.overdue === 'true') where.push(lt(customers.nextDue, now));
      if (q.stage) where.push(eq(customers.stage, q.stage));
      if (q.companyType) where.push(eq(customers.companyType, q.companyType));
      if (q.sizeClass) where.push(eq(customers.sizeClass, q.sizeClass));
      for (const [i, part] of (q.region?.split('/').filter(Boolean) ?? []).entries()) {
        where.push(sql`json_extract(${customers.region}, ${`$[${i}]`}) = ${part}`);
      }
      const rows = deps.db
        .select()
        .from(customers)
        .where(and(...where))
        .orderBy(
          ...(q.sort === 'initials' ? [asc(customers.initials), asc(customers.name)] : [asc(customers.nextDue)]),
          asc(customers.id),
        )
        .limit(q.limit)
        .offset(q.offset)
        .all();
      const total =
        deps.db
          .select({ n: count() })
          .from(customers)
          .where(and(...where))
          .get()?.n ?? 0;
      return c.json({ customers: rows.map(toCustomer) as Customer[], total }, 200);
    })
    .post('/', validate('json', CustomerCreate), (c) => {
      const { customer, replayed } = createCustomer(
        deps.db,
        c.req.valid('json'),
        deps.clock(),
        getSettings(deps.db),
        c.get('viewer'),
      );
      return c.json(customer, replayed ? 200 : 201);
    })
    .get('/:id', validate('param', IdParam), (c) =>
      c.json(getCustomerDetail(deps.db, c.req.valid('param').id, c.get('viewer')), 200),
    )
    .patch('/:id', validate('param', IdParam), validate('json', CustomerUpdate), (c) => {
      const detail = updateCustomer(
        deps.db,
        c.req.valid('param').id,
        c.req.valid('json'),
        deps.clock(),
        getSettings(deps.db),
        c.get('viewer'),
      );
      return c.json(detail, 200);
    })
    .delete('/:id', validate('param', IdParam), (c) => {
      softDeleteCustomer(deps.db, c.req.valid('param').id, deps.clock(), c.get('viewer'));
      return c.body(null, 204);
    })
    .post('/:id/reopen', validate('param', IdParam), (c) =>
      c.json(
        reopenCustomer(deps.db, c.req.valid('param').id, deps.clock(), getSettings(deps.db), c.get('viewer')),
        200,
      ),
    )
    .delete('/:id/appointment', validate('param', IdParam), (c) => {
      cancelAppointment(deps.db, c.req.valid('param').id, deps.clock(), getSettings(deps.db), c.get('viewer'));
      return c.body(null, 204);
    })
    .get('/:id/interactions', validate('param', IdParam), (c) => {
      const { id } = c.req.valid('param');
      const rows = deps.db
        .select()
        .from(interactions)
        .where(and(eq(interactions.customerId, id), isNull(interactions.deletedAt)))
        .orderBy(desc(interactions.at), desc(interactions.id))
        .all();
      return c.json({ interactions: rows.map(toInteraction) }, 200);
    })
    .post('/:id/people', validate('param', IdParam), validate('json', PersonInput), (c) => {
      const { id } = c.req.valid('param');
      const now = deps.clock().toISOString();
      const person = deps.db.transaction((tx) => {
        const row = insertPerson(tx, id, c.req.valid('json'), now);
        reindexCustomer(tx, id);
        return row;
      });
      return c.json(toPerson(person), 201);
    })
    .patch('/:id/people/:personId', validate('param', PersonParams), validate('json', PersonInput.partial()), (c) => {
      const { id, personId } = c.req.valid('param');
      const patch = c.req.valid('json');
      const row = deps.db.transaction((tx) => {
        const updated = tx
          .update(people)
          .set({
            ...patch,
            ...(patch.email ? { email: patch.email.toLowerCase() } : {}),
            updatedAt: deps.clock().toISOString(),
          })
          .where(and(eq(people.id, personId), eq(people.customerId, id), isNull(people.deletedAt)))
          .returning()
          .get();
        if (!updated) throw notFound('person');
        reindexCustomer(tx, id);
        return updated;
      });
      return c.json(toPerson(row), 200);
    })
    .delete('/:id/people/:personId', validate('param', PersonParams), (c) => {
      const { id, personId } = c.req.valid('param');
      deps.db.transaction((tx) => {
        const gone = tx
          .update(people)
          .set({ deletedAt: deps.clock().toISOString() })
          .where(and(eq(people.id, personId), eq(people.customerId, id), isNull(people.deletedAt)))
          .returning({ id: people.id })
          .get();
        if (!gone) throw notFound('person');
        reindexCustomer(tx, id);
      });
      return c.body(null, 204);
    })
    .post('/:id/keys', validate('param', IdParam), validate('json', KeyInput), (c) => {
      const { id } = c.req.valid('param');
      const key = deps.db.transaction((tx) => {
        const k = canonicalKey(c.req.valid('json'));
        addKeys(tx, id, [k], deps.clock().toISOString(), 'fail', c.get('viewer'));
        reindexCustomer(tx, id);
        return tx
          .select()
          .from(customerKeys)
          .where(and(eq(customerKeys.kind, k.kind), eq(customerKeys.value, k.value)))
          .get();
      });
      if (!key) throw notFound('key');
      return c.json(toKey(key), 201);
    })
    .delete('/:id/keys/:keyId', validate('param', KeyParams), (c) => {
      const { id, keyId } = c.req.valid('param');
      deps.db.transaction((tx) => {
        const gone = tx
          .delete(customerKeys)
          .where(and(eq(customerKeys.id, keyId), eq(customerKeys.customerId, id)))
          .returning({ id: customerKeys.id })
          .get();
        if (!gone) throw notFound('key');
        reindexCustomer(tx, id);
      });
      return c.body(null, 204);
    });
