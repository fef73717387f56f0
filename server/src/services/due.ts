import { CALL_KINDS, FOLLOW_UP_KINDS, nextDue, type Settings, VISIT_KINDS } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import type { Conn } from '../db/client.ts';

const list = (kinds: readonly string[]) =>
  sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );

/**
 * Recomputes the materialised due fields of one customer from its interactions. Called inside
 * the transaction of every interaction write, so the row never disagrees with its history.
 */
export function refreshDue(db: Conn, customerId: number, settings: Settings): void {
  const c = db.get<{ tier: 'A' | 'B' | 'C'; created_at: string }>(
    sql`select tier, created_at from customers where id = ${customerId}`,
  );
  if (!c) return;
  const agg = db.get<{ last_call: string | null; last_visit: string | null; follow_ups: number }>(sql`
    select
      max(case when kind in (${list(CALL_KINDS)}) then at end) as last_call,
      max(case when kind in (${list(VISIT_KINDS)}) then at end) as last_visit,
      sum(case when kind in (${list(FOLLOW_UP_KINDS)}) then 1 else 0 end) as follow_ups
    from interactions where customer_id = ${customerId} and deleted_at is null`);
  // The latest appointment stands until a contact happens after the interaction that fixed it
  // (a note can fix one too: a land-won prospect's first call is due at once).
  const latest = db.get<{ appointment: string | null }>(sql`
    select i.appointment from interactions i
    where i.customer_id = ${customerId} and i.deleted_at is null and i.appointment is not null
      and not exists (select 1 from interactions j where j.customer_id = i.customer_id and j.deleted_at is null
        and j.kind <> 'note' and (j.at > i.at or (j.at = i.at and j.id > i.id)))
    order by i.at desc, i.id desc limit 1`);
  const due = nextDue(
    { tier: c.tier, createdAt: c.created_at },
    agg?.last_call ?? null,
    agg?.last_visit ?? null,
    latest?.appointment ?? null,
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

/** After a cadence change (call inside a transaction): one set-based update per tier, not a loop over 100k rows. */
export function refreshAllDue(db: Conn, settings: Settings): void {
  const iso = (col: string, days: number) =>
    sql.raw(`strftime('%Y-%m-%dT%H:%M:%fZ', ${col}, '+${Math.trunc(days)} days')`);
  for (const tier of ['A', 'B', 'C'] as const) {
    const { callDays, visitDays } = settings.cadence[tier];
    db.run(sql`update customers set
        next_call_due = ${iso('coalesce(last_call_at, created_at)', callDays)},
        next_visit_due = ${iso('coalesce(last_visit_at, created_at)', visitDays)}
      where tier = ${tier}`);
  }
  db.run(
    sql`update customers set next_due = min(next_call_due, next_visit_due, coalesce(appointment_at, next_call_due))`,
  );
}
