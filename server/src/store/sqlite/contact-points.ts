import type { Statement } from 'better-sqlite3';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Db, preparedOn } from '../../db/client.ts';
import { placeholdersFor } from '../../db/placeholders.ts';
import { contactPoints, customers, people } from '../../db/schema.ts';
import type { ContactPointStore, LastContact } from '../contact-points.ts';

/** One query for the card (store/sqlite/context.ts) and the list: the latest confirming contact per person and kind. */
export const LAST_CONTACTS_SQL = `select person_id as personId, kind, max(at) as at from interactions
  where customer_id = ? and deleted_at is null and kind in ('call', 'visit', 'email') group by person_id, kind`;

// Read before and after every write of a phone or e-mail (an import: thousands in one commit).
const statements = preparedOn((q) => {
  const customerId = sql.placeholder('customerId');
  return {
    file: q
      .select({ createdAt: customers.createdAt, phones: customers.phones, emails: customers.emails })
      .from(customers)
      .where(eq(customers.id, customerId))
      .prepare(),
    people: q
      .select({
        id: people.id,
        createdAt: people.createdAt,
        mobile: people.mobile,
        directLine: people.directLine,
        email: people.email,
      })
      .from(people)
      .where(and(eq(people.customerId, customerId), isNull(people.deletedAt)))
      .orderBy(asc(people.id))
      .prepare(),
    records: q
      .select()
      .from(contactPoints)
      .where(eq(contactPoints.customerId, customerId))
      .orderBy(asc(contactPoints.id))
      .prepare(),
    // One row a run: an import settles thousands of files, and building a multi-row insert
    // with drizzle for each was a third of an import's write.
    insert: q
      .insert(contactPoints)
      .values({
        customerId,
        ...placeholdersFor(['kind', 'valueKey', 'source', 'sourceDetail', 'seenAt', 'confirmedAt', 'confirmedBy']),
      })
      .onConflictDoNothing()
      .prepare(),
  };
});

export function sqliteContactPoints(db: Db): ContactPointStore {
  let lastContacts: Statement<[number], LastContact> | undefined;
  return {
    async lastContacts(customerId) {
      lastContacts ??= db.$client.prepare<[number], LastContact>(LAST_CONTACTS_SQL);
      return lastContacts.all(customerId);
    },
    async valuesOf(customerId) {
      const s = statements(db);
      const file = s.file.get({ customerId });
      return file && { ...file, people: s.people.all({ customerId }) };
    },
    async of(customerId) {
      return statements(db).records.all({ customerId });
    },
    async insert(rows) {
      const { insert } = statements(db);
      for (const r of rows)
        insert.run({ ...r, confirmedAt: r.confirmedAt ?? null, confirmedBy: r.confirmedBy ?? null });
    },
    async update(id, change) {
      db.update(contactPoints).set(change).where(eq(contactPoints.id, id)).run();
    },
    async remove(ids) {
      if (ids.length) db.delete(contactPoints).where(inArray(contactPoints.id, ids)).run();
    },
  };
}
