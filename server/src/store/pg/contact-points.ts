import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { contactPoints, customers, interactions, people } from '../../db/schema.pg.ts';
import type { ContactPointStore, LastContact } from '../contact-points.ts';
import type { PgExecutor } from './executor.ts';
import { prepared } from './prepared.ts';

/** The latest confirming contact per person and kind, for the card (context.ts) and the list. */
export const lastContactsOf = (db: PgExecutor) =>
  prepared(db, 'last_contacts', (name) =>
    db
      .select({
        personId: interactions.personId,
        kind: sql<LastContact['kind']>`${interactions.kind}`,
        at: sql<string>`max(${interactions.at})`,
      })
      .from(interactions)
      .where(
        and(
          eq(interactions.customerId, sql.placeholder('customerId')),
          isNull(interactions.deletedAt),
          sql`${interactions.kind} in ('call', 'visit', 'email')`,
        ),
      )
      .groupBy(interactions.personId, interactions.kind)
      .prepare(name),
  );

export function pgContactPoints(db: PgExecutor): ContactPointStore {
  return {
    async lastContacts(customerId) {
      return lastContactsOf(db).execute({ customerId });
    },
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
