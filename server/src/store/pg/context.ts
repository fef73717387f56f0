import type { KeyKind } from '@dossier/shared';
import { and, asc, desc, eq, getTableColumns, inArray, isNull } from 'drizzle-orm';
import { customerKeys, customers, interactions, people } from '../../db/schema.pg.ts';
import type { Viewer } from '../../services/visibility.ts';
import type { BadgeFacts, CardFacts, ContextStore, KeyMatch } from '../context.ts';
import type { CustomerRecord } from '../records.ts';
import { byCodePoint } from './customers.ts';
import type { PgExecutor } from './executor.ts';
import { visible, visibleOne } from './visibility.ts';

// Two kinds may hold one value (a domain key on one file, a mailbox domain on another): the first
// in code-point order of the kind, as SQLite's walk of its (kind, value) index gives it.

export function pgContext(db: PgExecutor): ContextStore {
  // The card of a file found by a key: none when it is removed or not the viewer's.
  const cardOf = async (customer: CustomerRecord, viewer: Viewer): Promise<CardFacts | null> => {
    if (customer.deletedAt !== null) return null;
    const id = customer.id;
    if (viewer.role !== 'manager') {
      const seen = await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.id, id), visibleOne(viewer)));
      if (!seen.length) return null;
    }
    // One after the other: inside a transaction both would queue on its one connection anyway.
    const lastInteractions = await db
      .select()
      .from(interactions)
      .where(and(eq(interactions.customerId, id), isNull(interactions.deletedAt)))
      .orderBy(desc(interactions.at), desc(interactions.id))
      .limit(3);
    const ppl = await db
      .select()
      .from(people)
      .where(and(eq(people.customerId, id), isNull(people.deletedAt)))
      .orderBy(asc(people.id));
    return { customer, lastInteractions, people: ppl };
  };
  return {
    async byKey(kinds, value, viewer): Promise<KeyMatch | undefined> {
      if (!kinds.length) return undefined;
      const [row] = await db
        .select({ customer: getTableColumns(customers), kind: customerKeys.kind })
        .from(customerKeys)
        .innerJoin(customers, eq(customers.id, customerKeys.customerId))
        .where(and(inArray(customerKeys.kind, [...kinds]), eq(customerKeys.value, value)))
        .orderBy(byCodePoint(customerKeys.kind))
        .limit(1);
      return row && { kind: row.kind as KeyKind, card: await cardOf(row.customer, viewer) };
    },
    async byPersonEmail(email, viewer) {
      const [row] = await db
        .select({ personId: people.id, customer: getTableColumns(customers) })
        .from(people)
        .innerJoin(customers, eq(customers.id, people.customerId))
        .where(and(eq(people.email, email), isNull(people.deletedAt)))
        .orderBy(asc(people.id))
        .limit(1);
      return row && { kind: 'email', personId: row.personId, card: await cardOf(row.customer, viewer) };
    },
    async sameName(normalisedName, viewer, limit) {
      return db
        .select({ id: customers.id, name: customers.name, tier: customers.tier })
        .from(customers)
        .where(and(eq(customers.normalizedName, normalisedName), isNull(customers.deletedAt), visible(viewer)))
        .orderBy(asc(customers.id))
        .limit(limit);
    },
    async badge(domain, viewer): Promise<BadgeFacts | undefined> {
      const [row] = await db
        .select({
          id: customers.id,
          name: customers.name,
          tier: customers.tier,
          status: customers.status,
          nextCallDue: customers.nextCallDue,
          nextVisitDue: customers.nextVisitDue,
          nextDue: customers.nextDue,
          appointmentAt: customers.appointmentAt,
        })
        .from(customerKeys)
        .innerJoin(customers, eq(customers.id, customerKeys.customerId))
        .where(
          and(
            inArray(customerKeys.kind, ['domain', 'email_domain']),
            eq(customerKeys.value, domain),
            isNull(customers.deletedAt),
            visibleOne(viewer),
          ),
        )
        .orderBy(byCodePoint(customerKeys.kind))
        .limit(1);
      return row;
    },
  };
}
