import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { contactPoints, customers, people } from '../../db/schema.pg.ts';
import type { ContactPointStore } from '../contact-points.ts';
import type { PgExecutor } from './executor.ts';

export function pgContactPoints(db: PgExecutor): ContactPointStore {
  return {
    async valuesOf(customerId) {
      const [file] = await db
        .select({ createdAt: customers.createdAt, phones: customers.phones, emails: customers.emails })
        .from(customers)
        .where(eq(customers.id, customerId));
      if (!file) return undefined;
      const ppl = await db
        .select({
          id: people.id,
          createdAt: people.createdAt,
          mobile: people.mobile,
          directLine: people.directLine,
          email: people.email,
        })
        .from(people)
        .where(and(eq(people.customerId, customerId), isNull(people.deletedAt)))
        .orderBy(asc(people.id));
      return { ...file, people: ppl };
    },
    async of(customerId) {
      return db
        .select()
        .from(contactPoints)
        .where(eq(contactPoints.customerId, customerId))
        .orderBy(asc(contactPoints.id));
    },
    async insert(rows) {
      if (rows.length) await db.insert(contactPoints).values(rows).onConflictDoNothing();
    },
    async update(id, change) {
      await db.update(contactPoints).set(change).where(eq(contactPoints.id, id));
    },
    async remove(ids) {
      if (ids.length) await db.delete(contactPoints).where(inArray(contactPoints.id, ids));
    },
  };
}
