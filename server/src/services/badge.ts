import { type ContextBadge, registrableDomain, type Tier } from '@dossier/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Db, preparedOn, rawStatement } from '../db/client.ts';
import { customerKeys, customers } from '../db/schema.ts';
import { type Viewer, visibleToAnyMember } from './visibility.ts';

const $ = sql.placeholder;

interface Row {
  id: number;
  name: string;
  tier: Tier;
  status: string;
  next_call_due: string;
  next_visit_due: string;
  next_due: string;
  appointment_at: string | null;
}

/**
 * The toolbar asks on every tab switch: one statement joining the page's domain key to the
 * file's materialised due fields, prepared once per connection and run raw (the card, with its
 * people and history, is asked for only when the panel opens).
 */
const statements = preparedOn((db) => {
  const query = () =>
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
  // The same keys as the card's URL lookup (services/context.ts): a domain, or a company mailbox's.
  // Written as literals, and no LIMIT: bound into an IN list or a LIMIT, parameters made this
  // statement take twice as long in SQLite (measured), and (kind, value) is unique, so at most
  // two rows match and the first is taken.
  const key = and(
    sql`${customerKeys.kind} in ('domain', 'email_domain')`,
    eq(customerKeys.value, $('domain')),
    isNull(customers.deletedAt),
  );
  return {
    manager: rawStatement<Row>(db.$client, query().where(key)),
    member: rawStatement<Row>(db.$client, query().where(and(key, visibleToAnyMember()))),
  };
});

const NONE: ContextBadge = {
  customerId: null,
  name: null,
  tier: null,
  lost: false,
  nextCallDue: null,
  nextVisitDue: null,
  nextDue: null,
  appointment: null,
  overdue: { call: false, visit: false, appointment: false, any: false },
};

type DueRow = {
  status: string;
  nextCallDue: string;
  nextVisitDue: string;
  nextDue: string;
  appointmentAt: string | null;
};

/**
 * What a file owes as of `now`, for the badge and the card alike: a lost file is history, not
 * work — no due dates and nothing overdue.
 */
export function dueOf(row: DueRow, now: Date): Omit<ContextBadge, 'customerId' | 'name' | 'tier'> {
  const lost = row.status === 'lost';
  const t = now.toISOString();
  const call = !lost && row.nextCallDue < t;
  const visit = !lost && row.nextVisitDue < t;
  const appointment = !lost && row.appointmentAt !== null && row.appointmentAt < t;
  return {
    lost,
    nextCallDue: lost ? null : row.nextCallDue,
    nextVisitDue: lost ? null : row.nextVisitDue,
    nextDue: lost ? null : row.nextDue,
    appointment: lost ? null : row.appointmentAt,
    overdue: { call, visit, appointment, any: call || visit || appointment },
  };
}

/** The badge for a page: its file's tier and what is due. */
export function badgeFor(db: Db, url: string, now: Date, viewer: Viewer): ContextBadge {
  const domain = registrableDomain(url);
  if (!domain) return NONE;
  const s = statements(db);
  const row =
    viewer.role === 'manager'
      ? s.manager({ domain })
      : s.member({ domain, viewerName: viewer.name, viewerId: viewer.id });
  if (!row) return NONE;
  const due = dueOf(
    {
      status: row.status,
      nextCallDue: row.next_call_due,
      nextVisitDue: row.next_visit_due,
      nextDue: row.next_due,
      appointmentAt: row.appointment_at,
    },
    now,
  );
  return { customerId: row.id, name: row.name, tier: row.tier, ...due };
}
