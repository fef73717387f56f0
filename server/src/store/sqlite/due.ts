import {
  CALL_KINDS,
  type ContactChange,
  type CustomerStatus,
  dayStart,
  FOLLOW_UP_KINDS,
  nextDue,
  type Settings,
  statusAfterContact,
  type Tier,
  VISIT_KINDS,
} from '@dossier/shared';
import type { Statement } from 'better-sqlite3';
import { type Db, preparedFor } from '../../db/client.ts';
import type { DueStore } from '../due.ts';
import { literalList } from '../literals.ts';

type Fixer = { id: number; at: string; appointment: string; cancelled_at: string | null };

/** Every write refreshes a file's due dates: its statements are prepared once per connection. */
const statements = preparedFor((c) => ({
  customer: c.prepare<
    [number],
    {
      tier: Tier;
      created_at: string;
      reopened_at: string | null;
      status: CustomerStatus;
      status_by_contact: 0 | 1;
    } & Record<DueColumn, string | number | null>
  >(
    `select tier, created_at, reopened_at, status, status_by_contact, ${DUE_COLUMNS.join(', ')} from customers where id = ?`,
  ),
  aggregate: c.prepare<[number], { last_call: string | null; last_visit: string | null; follow_ups: number | null }>(`
    select
      max(case when kind in (${literalList(CALL_KINDS)}) then at end) as last_call,
      max(case when kind in (${literalList(VISIT_KINDS)}) then at end) as last_visit,
      sum(case when kind in (${literalList(FOLLOW_UP_KINDS)}) then 1 else 0 end) as follow_ups
    from interactions where customer_id = ? and deleted_at is null`),
  fixer: c.prepare<{ customer: number }, Fixer>(`
    select id, at, appointment, appointment_cancelled_at as cancelled_at from interactions
    where customer_id = @customer and deleted_at is null and appointment is not null
      and at >= coalesce((select reopened_at from customers where id = @customer), '')
    order by at desc, id desc limit 1`),
  // A reopened file's restart moves back to the earliest contact logged since it but dated before
  // it, after all its history before the loss: the call that won the customer back (at 07:20,
  // logged once the file was reopened at 07:40) counts, and the appointment fixed in it stands.
  restartBack: c.prepare<{ customer: number; reopened: string }, { at: string | null }>(`
    select min(at) as at from interactions
    where customer_id = @customer and deleted_at is null and created_at >= @reopened and at < @reopened
      and at > coalesce((select max(at) from interactions
        where customer_id = @customer and deleted_at is null and created_at < @reopened), '')`),
  moveRestart: c.prepare<[string, number]>('update customers set reopened_at = ? where id = ?'),
  met: c.prepare<{ customer: number; at: string; id: number; day: string }, 1>(`
    select 1 from interactions j
    where j.customer_id = @customer and j.deleted_at is null
      and (j.at > @at or (j.at = @at and j.id > @id))
      and (j.meets_appointment = 1 or (j.kind in (${literalList(CALL_KINDS)}) and j.at >= @day))
    limit 1`),
  // One UPDATE per set of columns that changed, built on first need: a column left out keeps
  // its indexes untouched, and a logged call moves only the call and overall due dates (measured:
  // the commit, which writes every page touched, was a third of a logged call).
  writes: new Map<string, Statement>(),
  prepare: (columns: Written[]) =>
    c.prepare(`update customers set ${columns.map((k) => `${k} = @${k}`).join(', ')} where id = @id`),
}));

/** The materialised columns, as their SQL names. */
const DUE_COLUMNS = [
  'last_call_at',
  'last_visit_at',
  'appointment_at',
  'next_call_due',
  'next_visit_due',
  'next_due',
  'follow_ups',
] as const;
type DueColumn = (typeof DUE_COLUMNS)[number];
/** What a refresh may write: the due columns, and the status a conversation logged or a contact undone moves. */
const WRITTEN = [...DUE_COLUMNS, 'status', 'status_by_contact'] as const;
type Written = (typeof WRITTEN)[number];

/**
 * The appointment that stands for a customer. The latest one fixed is the only candidate (a later
 * one moves it); it stands until it is cancelled explicitly or met: a call, visit or meeting on or
 * after its day, or any contact logged as its outcome. E-mails, SMS, greetings and notes never
 * end it, and a missed one keeps standing, overdue. One fixed before the file was lost and
 * brought back stands no more: the file starts over as a new one would.
 */
export function standingAppointment(db: Db, customerId: number, timeZone: string): Fixer | null {
  const s = statements(db);
  const fixer = s.fixer.get({ customer: customerId });
  if (!fixer || fixer.cancelled_at) return null;
  const day = dayStart(new Date(fixer.appointment), timeZone).toISOString();
  return s.met.get({ customer: customerId, at: fixer.at, id: fixer.id, day }) ? null : fixer;
}

/**
 * Recomputes the materialised due fields of one customer from its interactions. Called inside
 * the transaction of every interaction write, so the row never disagrees with its history; after
 * a conversation logged or a contact undone, the status it moves too (read and written in the same statements).
 */
export function refreshDue(db: Db, customerId: number, settings: Settings, contact?: ContactChange): void {
  const s = statements(db);
  const c = s.customer.get(customerId);
  if (!c) return;
  if (c.reopened_at) {
    const back = s.restartBack.get({ customer: customerId, reopened: c.reopened_at })?.at;
    if (back) {
      s.moveRestart.run(back, customerId);
      c.reopened_at = back;
    }
  }
  const agg = s.aggregate.get(customerId);
  const appointment = standingAppointment(db, customerId, settings.timeZone)?.appointment ?? null;
  const due = nextDue(
    { tier: c.tier, createdAt: c.created_at, reopenedAt: c.reopened_at },
    agg?.last_call ?? null,
    agg?.last_visit ?? null,
    appointment,
    settings,
  );
  const was = { status: c.status, byContact: c.status_by_contact === 1 };
  const worked = contact ? statusAfterContact(was, contact, agg?.last_call ?? null) : was;
  const next: Record<Written, string | number | null> = {
    last_call_at: agg?.last_call ?? null,
    last_visit_at: agg?.last_visit ?? null,
    appointment_at: due.appointment?.toISOString() ?? null,
    next_call_due: due.nextCallDue.toISOString(),
    next_visit_due: due.nextVisitDue.toISOString(),
    next_due: due.nextDue.toISOString(),
    follow_ups: agg?.follow_ups ?? 0,
    status: worked.status,
    status_by_contact: worked.byContact ? 1 : 0,
  };
  const changed = WRITTEN.filter((k) => next[k] !== c[k]);
  if (!changed.length) return;
  const id = changed.join();
  let write = s.writes.get(id);
  if (!write) {
    write = s.prepare(changed);
    s.writes.set(id, write);
  }
  write.run({ id: customerId, ...Object.fromEntries(changed.map((k) => [k, next[k]])) });
}

/**
 * After a settings change: every file's due dates again from its materialised last call, last
 * visit and appointment. Working days and first calls need the calendar, which SQL does not
 * have, so rows are read once and written back through one prepared statement (100,000 files
 * stay one transaction of simple updates).
 */
export function refreshAllDue(db: Db, settings: Settings): void {
  const client = db.$client;
  const rows = client
    .prepare(
      // Removed files too: a merge undone brings one back, and it must come back with true dates.
      'select id, tier, created_at, reopened_at, last_call_at, last_visit_at, appointment_at from customers',
    )
    .all() as {
    id: number;
    tier: Tier;
    created_at: string;
    reopened_at: string | null;
    last_call_at: string | null;
    last_visit_at: string | null;
    appointment_at: string | null;
  }[];
  const write = client.prepare('update customers set next_call_due = ?, next_visit_due = ?, next_due = ? where id = ?');
  for (const r of rows) {
    const due = nextDue(
      { tier: r.tier, createdAt: r.created_at, reopenedAt: r.reopened_at },
      r.last_call_at,
      r.last_visit_at,
      r.appointment_at,
      settings,
    );
    write.run(due.nextCallDue.toISOString(), due.nextVisitDue.toISOString(), due.nextDue.toISOString(), r.id);
  }
}

/** The due fields' repository on SQLite: the statements above, prepared once per connection. */
export function sqliteDue(db: Db): DueStore {
  return {
    async refresh(customerId, settings, contact) {
      refreshDue(db, customerId, settings, contact);
    },
    async standing(customerId, timeZone) {
      return standingAppointment(db, customerId, timeZone);
    },
    async refreshAll(settings) {
      refreshAllDue(db, settings);
    },
  };
}
