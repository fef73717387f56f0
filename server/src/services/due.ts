import { CALL_KINDS, dayStart, FOLLOW_UP_KINDS, nextDue, type Settings, type Tier, VISIT_KINDS } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import type { Conn, Db } from '../db/client.ts';

const list = (kinds: readonly string[]) =>
  sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );

type Fixer = { id: number; at: string; appointment: string; cancelled_at: string | null };

/**
 * The appointment that stands for a customer. The latest one fixed is the only candidate (a later
 * one moves it); it stands until it is cancelled explicitly or met: a call, visit or meeting on or
 * after its day, or any contact logged as its outcome. E-mails, SMS, greetings and notes never
 * end it, and a missed one keeps standing, overdue.
 */
export function standingAppointment(db: Conn, customerId: number, timeZone: string): Fixer | null {
  const fixer = db.get<Fixer>(sql`
    select id, at, appointment, appointment_cancelled_at as cancelled_at from interactions
    where customer_id = ${customerId} and deleted_at is null and appointment is not null
    order by at desc, id desc limit 1`);
  if (!fixer || fixer.cancelled_at) return null;
  const itsDay = dayStart(new Date(fixer.appointment), timeZone).toISOString();
  const met = db.get(sql`
    select 1 from interactions j
    where j.customer_id = ${customerId} and j.deleted_at is null
      and (j.at > ${fixer.at} or (j.at = ${fixer.at} and j.id > ${fixer.id}))
      and (j.meets_appointment = 1 or (j.kind in (${list(CALL_KINDS)}) and j.at >= ${itsDay}))
    limit 1`);
  return met ? null : fixer;
}

/**
 * Recomputes the materialised due fields of one customer from its interactions. Called inside
 * the transaction of every interaction write, so the row never disagrees with its history.
 */
export function refreshDue(db: Conn, customerId: number, settings: Settings): void {
  const c = db.get<{ tier: Tier; created_at: string }>(
    sql`select tier, created_at from customers where id = ${customerId}`,
  );
  if (!c) return;
  const agg = db.get<{ last_call: string | null; last_visit: string | null; follow_ups: number }>(sql`
    select
      max(case when kind in (${list(CALL_KINDS)}) then at end) as last_call,
      max(case when kind in (${list(VISIT_KINDS)}) then at end) as last_visit,
      sum(case when kind in (${list(FOLLOW_UP_KINDS)}) then 1 else 0 end) as follow_ups
    from interactions where customer_id = ${customerId} and deleted_at is null`);
  const appointment = standingAppointment(db, customerId, settings.timeZone)?.appointment ?? null;
  const due = nextDue(
    { tier: c.tier, createdAt: c.created_at },
    agg?.last_call ?? null,
    agg?.last_visit ?? null,
    appointment,
    settings,
  );
  db.run(sql`update customers set
      last_call_at = ${agg?.last_call ?? null},
      last_visit_at = ${agg?.last_visit ?? null},
      appointment_at = ${due.appointment?.toISOString() ?? null},
      next_call_due = ${due.nextCallDue.toISOString()},
      next_visit_due = ${due.nextVisitDue.toISOString()},
      next_due = ${due.nextDue.toISOString()},
      follow_ups = ${agg?.follow_ups ?? 0}
    where id = ${customerId}`);
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
      'select id, tier, created_at, last_call_at, last_visit_at, appointment_at from customers where deleted_at is null',
    )
    .all() as {
    id: number;
    tier: Tier;
    created_at: string;
    last_call_at: string | null;
    last_visit_at: string | null;
    appointment_at: string | null;
  }[];
  const write = client.prepare('update customers set next_call_due = ?, next_visit_due = ?, next_due = ? where id = ?');
  for (const r of rows) {
    const due = nextDue(
      { tier: r.tier, createdAt: r.created_at },
      r.last_call_at,
      r.last_visit_at,
      r.appointment_at,
      settings,
    );
    write.run(due.nextCallDue.toISOString(), due.nextVisitDue.toISOString(), due.nextDue.toISOString(), r.id);
  }
}
