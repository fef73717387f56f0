import type { Customer } from '@dossier/shared';
import { and, asc, count, desc, eq, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import { customerKeys, customers, interactions, people } from '../../db/schema.ts';
import { notFound } from '../../lib/errors.ts';
import { router } from '../../lib/openapi.ts';
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
import { visible } from '../../services/visibility.ts';
import * as api from './customers.api.ts';

export const customerRoutes = () =>
  router()
    .openapi(api.list, (c) => {
      const q = c.req.valid('query');
      const { db, viewer } = c.get('ctx');
      const now = c.get('ctx').now.toISOString();
      const where: SQL[] = [isNull(customers.deletedAt), visible(viewer)];
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
      const rows = db
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
        db
          .select({ n: count() })
          .from(customers)
          .where(and(...where))
          .get()?.n ?? 0;
      return c.json({ customers: rows.map(toCustomer) as Customer[], total }, 200);
    })
    .openapi(api.create, (c) => {
      const { db, now, settings, viewer } = c.get('ctx');
      const { customer, replayed } = createCustomer(db, c.req.valid('json'), now, settings, viewer);
      return replayed ? c.json(customer, 200) : c.json(customer, 201);
    })
    .openapi(api.read, (c) => {
      const { db, viewer } = c.get('ctx');
      return c.json(getCustomerDetail(db, c.req.valid('param').id, viewer), 200);
    })
    .openapi(api.update, (c) => {
      const { db, now, settings, viewer } = c.get('ctx');
      return c.json(updateCustomer(db, c.req.valid('param').id, c.req.valid('json'), now, settings, viewer), 200);
    })
    .openapi(api.remove, (c) => {
      const { db, now, viewer } = c.get('ctx');
      softDeleteCustomer(db, c.req.valid('param').id, now, viewer);
      return c.body(null, 204);
    })
    .openapi(api.reopen, (c) => {
      const { db, now, settings, viewer } = c.get('ctx');
      return c.json(reopenCustomer(db, c.req.valid('param').id, now, settings, viewer), 200);
    })
    .openapi(api.cancelAppointment, (c) => {
      const { db, now, settings, viewer } = c.get('ctx');
      cancelAppointment(db, c.req.valid('param').id, now, settings, viewer);
      return c.body(null, 204);
    })
    .openapi(api.history, (c) => {
      const { id } = c.req.valid('param');
      const rows = c
        .get('ctx')
        .db.select()
        .from(interactions)
        .where(and(eq(interactions.customerId, id), isNull(interactions.deletedAt)))
        .orderBy(desc(interactions.at), desc(interactions.id))
        .all();
      return c.json({ interactions: rows.map(toInteraction) }, 200);
    })
    .openapi(api.addPerson, (c) => {
      const { id } = c.req.valid('param');
      const now = c.get('ctx').now.toISOString();
      const person = c.get('ctx').db.transaction((tx) => {
        const row = insertPerson(tx, id, c.req.valid('json'), now);
        reindexCustomer(tx, id);
        return row;
      });
      return c.json(toPerson(person), 201);
    })
    .openapi(api.editPerson, (c) => {
      const { id, personId } = c.req.valid('param');
      const patch = c.req.valid('json');
      const { db, now } = c.get('ctx');
      const row = db.transaction((tx) => {
        const updated = tx
          .update(people)
          .set({
            ...patch,
            ...(patch.email ? { email: patch.email.toLowerCase() } : {}),
            updatedAt: now.toISOString(),
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
    .openapi(api.removePerson, (c) => {
      const { id, personId } = c.req.valid('param');
      const { db, now } = c.get('ctx');
      db.transaction((tx) => {
        const gone = tx
          .update(people)
          .set({ deletedAt: now.toISOString() })
          .where(and(eq(people.id, personId), eq(people.customerId, id), isNull(people.deletedAt)))
          .returning({ id: people.id })
          .get();
        if (!gone) throw notFound('person');
        reindexCustomer(tx, id);
      });
      return c.body(null, 204);
    })
    .openapi(api.addKey, (c) => {
      const { id } = c.req.valid('param');
      const { db, now, viewer } = c.get('ctx');
      const key = db.transaction((tx) => {
        const k = canonicalKey(c.req.valid('json'));
        addKeys(tx, id, [k], now.toISOString(), 'fail', viewer);
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
    .openapi(api.removeKey, (c) => {
      const { id, keyId } = c.req.valid('param');
      c.get('ctx').db.transaction((tx) => {
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
