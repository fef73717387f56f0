import type { KeyKind } from '@dossier/shared';
import { and, asc, eq, getTableColumns, inArray, isNull, sql, type Table } from 'drizzle-orm';
import { customerKeys, customers, interactions, people } from '../../db/schema.pg.ts';
import type { Viewer } from '../../services/visibility.ts';
import type { BadgeFacts, CardFacts, ContextStore, KeyMatch } from '../context.ts';
import type { CustomerRecord } from '../records.ts';
import { byCodePoint } from './customers.ts';
import type { PgExecutor } from './executor.ts';
import { prepared, viewerValues } from './prepared.ts';
import { visible, visibleOneAs } from './visibility.ts';

/** A row as json_agg gives it (SQL column names) as the record drizzle would have returned. */
function recordOf<T extends Table>(table: T): (row: Record<string, unknown>) => T['$inferSelect'] {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.name] as const);
  return (row) => Object.fromEntries(columns.map(([key, name]) => [key, row[name] ?? null])) as T['$inferSelect'];
}
const interactionRecord = recordOf(interactions);
const personRecord = recordOf(people);

/**
 * The card of the file joined as `customers`, in the statement that finds it: whether the viewer
 * may see it, its last three contacts and its live people (JSON, null when it is not shown). The
 * sidebar asks on every tab switch, and one round trip instead of four is most of its time.
 */
function cardColumns(role: Viewer['role']) {
  const shown = sql`(customers.deleted_at is null and ${visibleOneAs(role)})`;
  return {
    shown: sql<boolean>`${shown}`,
    last: sql<Record<string, unknown>[] | null>`case when ${shown} then (
      select coalesce(json_agg(li order by li.at desc, li.id desc), '[]'::json) from (
        select * from interactions x where x.customer_id = customers.id and x.deleted_at is null
        order by x.at desc, x.id desc limit 3) li) end`,
    people: sql<Record<string, unknown>[] | null>`case when ${shown} then (
      select coalesce(json_agg(lp order by lp.id), '[]'::json) from people lp
      where lp.customer_id = customers.id and lp.deleted_at is null) end`,
  };
}

type CardRow = {
  customer: CustomerRecord;
  shown: boolean;
  last: Record<string, unknown>[] | null;
  people: Record<string, unknown>[] | null;
};

const value = sql.placeholder('value');

// The card of a file found by a key: none when it is removed or not the viewer's.
const cardOf = (row: CardRow): CardFacts | null =>
  row.shown
    ? {
        customer: row.customer,
        lastInteractions: (row.last ?? []).map(interactionRecord),
        people: (row.people ?? []).map(personRecord),
      }
    : null;

// Two kinds may hold one value (a domain key on one file, a mailbox domain on another): the first
// in code-point order of the kind, as SQLite's walk of its (kind, value) index gives it.

export function pgContext(db: PgExecutor): ContextStore {
  const byKey = (role: Viewer['role']) =>
    prepared(db, `card_by_key_${role}`, (name) =>
      db
        .select({ customer: getTableColumns(customers), kind: customerKeys.kind, ...cardColumns(role) })
        .from(customerKeys)
        .innerJoin(customers, eq(customers.id, customerKeys.customerId))
        .where(and(sql`${customerKeys.kind} = any(${sql.placeholder('kinds')})`, eq(customerKeys.value, value)))
        .orderBy(byCodePoint(customerKeys.kind))
        .limit(1)
        .prepare(name),
    );
  const byPersonEmail = (role: Viewer['role']) =>
    prepared(db, `card_by_person_email_${role}`, (name) =>
      db
        .select({ personId: people.id, customer: getTableColumns(customers), ...cardColumns(role) })
        .from(people)
        .innerJoin(customers, eq(customers.id, people.customerId))
        .where(and(eq(people.email, value), isNull(people.deletedAt)))
        .orderBy(asc(people.id))
        .limit(1)
        .prepare(name),
    );
  const badge = (role: Viewer['role']) =>
    prepared(db, `badge_${role}`, (name) =>
      db
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
            eq(customerKeys.value, value),
            isNull(customers.deletedAt),
            visibleOneAs(role),
          ),
        )
        .orderBy(byCodePoint(customerKeys.kind))
        .limit(1)
        .prepare(name),
    );
  return {
    async byKey(kinds, key, viewer): Promise<KeyMatch | undefined> {
      if (!kinds.length) return undefined;
      const [row] = await byKey(viewer.role).execute({ kinds: [...kinds], value: key, ...viewerValues(viewer) });
      return row && { kind: row.kind as KeyKind, card: cardOf(row) };
    },
    async byPersonEmail(email, viewer) {
      const [row] = await byPersonEmail(viewer.role).execute({ value: email, ...viewerValues(viewer) });
      return row && { kind: 'email', personId: row.personId, card: cardOf(row) };
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
      const [row] = await badge(viewer.role).execute({ value: domain, ...viewerValues(viewer) });
      return row;
    },
  };
}
