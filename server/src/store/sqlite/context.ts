import type { KeyKind } from '@dossier/shared';
import { and, desc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import { type Db, rawStatement } from '../../db/client.ts';
import { contactPoints, customerKeys, customers, interactions, people } from '../../db/schema.ts';
import type { Viewer } from '../../services/visibility.ts';
import type { LastContact } from '../contact-points.ts';
import type { BadgeFacts, CardFacts, ContextStore, KeyMatch } from '../context.ts';
import { literalList } from '../literals.ts';
import { LAST_CONTACTS_SQL } from './contact-points.ts';
import { recordOf } from './rows.ts';
import { visible, visibleToAnyMember } from './visibility.ts';

const $ = sql.placeholder;
const customerRecord = recordOf(customers);
const interactionRecord = recordOf(interactions);
const personRecord = recordOf(people);
const contactPointRecord = recordOf(contactPoints);

/** The kinds a lookup tries together, written as literals: bound as parameters they made it twice as slow (measured). */
const kindsIn = (kinds: readonly KeyKind[]) => sql.raw(literalList(kinds));

type Raw = Record<string, unknown>;

/**
 * The lookups behind every tab switch and panel opening, prepared once per connection and run
 * raw (drizzle's per-call work cost as much as SQLite's there, measured): the key with its
 * file's row in one statement, then its last contacts and people.
 */
function statements(db: Db) {
  const client = db.$client;
  const raw = (query: { toSQL(): { sql: string; params: unknown[] } }) => rawStatement<Raw>(client, query);
  const holder = (kinds: readonly KeyKind[]) =>
    raw(
      db
        .select({ ...getTableColumns(customers), matchedKind: customerKeys.kind })
        .from(customerKeys)
        .innerJoin(customers, eq(customers.id, customerKeys.customerId))
        .where(and(sql`${customerKeys.kind} in (${kindsIn(kinds)})`, eq(customerKeys.value, $('value')))),
    );
  const badge = () =>
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
      .innerJoin(customers, eq(customers.id, customerKeys.customerId));
  // (kind, value) is unique, so at most two rows match and the first is taken; no LIMIT (a bound
  // LIMIT made this statement twice as slow, measured).
  const domainKey = and(
    sql`${customerKeys.kind} in (${kindsIn(['domain', 'email_domain'])})`,
    eq(customerKeys.value, $('domain')),
    isNull(customers.deletedAt),
  );
  return {
    holders: new Map<string, ReturnType<typeof holder>>(),
    holder,
    personByEmail: raw(
      db
        .select({ id: people.id, customerId: people.customerId })
        .from(people)
        .where(and(eq(people.email, $('email')), isNull(people.deletedAt)))
        .orderBy(people.id),
    ),
    seenByMember: rawStatement<{ id: number }>(
      client,
      db
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.id, $('id')), visibleToAnyMember())),
    ),
    customer: raw(
      db
        .select()
        .from(customers)
        .where(eq(customers.id, $('id'))),
    ),
    last: raw(
      db
        .select()
        .from(interactions)
        .where(and(eq(interactions.customerId, $('id')), isNull(interactions.deletedAt)))
        .orderBy(desc(interactions.at), desc(interactions.id))
        .limit(3),
    ),
    people: raw(
      db
        .select()
        .from(people)
        .where(and(eq(people.customerId, $('id')), isNull(people.deletedAt))),
    ),
    lastContacts: client.prepare<[number], LastContact>(LAST_CONTACTS_SQL),
    points: raw(
      db
        .select()
        .from(contactPoints)
        .where(eq(contactPoints.customerId, $('id')))
        .orderBy(contactPoints.id),
    ),
    badgeForManager: rawStatement<BadgeRow>(client, badge().where(domainKey)),
    badgeForMember: rawStatement<BadgeRow>(client, badge().where(and(domainKey, visibleToAnyMember()))),
  };
}

interface BadgeRow {
  id: number;
  name: string;
  tier: BadgeFacts['tier'];
  status: BadgeFacts['status'];
  next_call_due: string;
  next_visit_due: string;
  next_due: string;
  appointment_at: string | null;
}

/**
 * Of the files holding a value (a domain key on a colleague's file, the mailbox domain on the
 * viewer's own), the first the viewer may see: the card names the file the badge names.
 */
function firstShown<R, M extends KeyMatch>(rows: R[], match: (row: R) => M): M | undefined {
  let first: M | undefined;
  for (const row of rows) {
    const m = match(row);
    if (m.card) return m;
    first ??= m;
  }
  return first;
}

export function sqliteContext(db: Db): ContextStore {
  const s = statements(db);
  const holderOf = (kinds: readonly KeyKind[]) => {
    const id = kinds.join();
    let stmt = s.holders.get(id);
    if (!stmt) {
      stmt = s.holder(kinds);
      s.holders.set(id, stmt);
    }
    return stmt;
  };
  // The card of a file found by a key: none when it is removed or not the viewer's.
  const cardOf = (row: Raw, viewer: Viewer): CardFacts | null => {
    if (row.deleted_at !== null) return null;
    const id = row.id as number;
    if (viewer.role !== 'manager' && !s.seenByMember.get({ id, viewerName: viewer.name, viewerId: viewer.id }))
      return null;
    return {
      customer: customerRecord(row),
      lastInteractions: s.last.all({ id }).map(interactionRecord),
      people: s.people.all({ id }).map(personRecord),
      contactPoints: s.points.all({ id }).map(contactPointRecord),
      lastContacts: s.lastContacts.all(id),
    };
  };
  return {
    async byKey(kinds, value, viewer): Promise<KeyMatch | undefined> {
      const rows = holderOf(kinds).all({ value });
      return firstShown(rows, (row) => ({ kind: row.kind as KeyKind, card: cardOf(row, viewer) }));
    },
    async byPersonEmail(email, viewer) {
      return firstShown(s.personByEmail.all({ email }), (person) => {
        const row = s.customer.get({ id: person.customer_id });
        return { kind: 'email' as const, personId: person.id as number, card: row ? cardOf(row, viewer) : null };
      });
    },
    async sameName(normalisedName, viewer, limit) {
      return db
        .select({ id: customers.id, name: customers.name, tier: customers.tier })
        .from(customers)
        .where(and(eq(customers.normalizedName, normalisedName), isNull(customers.deletedAt), visible(viewer)))
        .limit(limit)
        .all();
    },
    async badge(domain, viewer) {
      const row =
        viewer.role === 'manager'
          ? s.badgeForManager.get({ domain })
          : s.badgeForMember.get({ domain, viewerName: viewer.name, viewerId: viewer.id });
      return (
        row && {
          id: row.id,
          name: row.name,
          tier: row.tier,
          status: row.status,
          nextCallDue: row.next_call_due,
          nextVisitDue: row.next_visit_due,
          nextDue: row.next_due,
          appointmentAt: row.appointment_at,
        }
      );
    },
  };
}
