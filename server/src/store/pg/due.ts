import {
  CALL_KINDS,
  type ContactChange,
  dayStart,
  FOLLOW_UP_KINDS,
  nextDue,
  type Settings,
  statusAfterContact,
  VISIT_KINDS,
} from '@dossier/shared';
import { and, asc, count, eq, gt, gte, inArray, is, isNull, or, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { customers, interactions } from '../../db/schema.pg.ts';
import type { DueStore, StandingAppointment } from '../due.ts';
import type { PgExecutor } from './executor.ts';
import { prepared } from './prepared.ts';

const $ = sql.placeholder;

const DUE = {
  lastCallAt: customers.lastCallAt,
  lastVisitAt: customers.lastVisitAt,
  appointmentAt: customers.appointmentAt,
  nextCallDue: customers.nextCallDue,
  nextVisitDue: customers.nextVisitDue,
  nextDue: customers.nextDue,
  followUps: customers.followUps,
  // Not due fields: the status a conversation logged or a contact undone moves (and whether one set
  // it), read and written with them.
  status: customers.status,
  statusByContact: customers.statusByContact,
};
type DueFields = { [K in keyof typeof DUE]: (typeof DUE)[K]['_']['data'] | null };
const DUE_KEYS = Object.keys(DUE) as (keyof typeof DUE)[];

/** Work that must hold a row lock until it commits: on the pool it gets a transaction of its own. */
export const inTransaction = <T>(db: PgExecutor, work: (tx: PgExecutor) => Promise<T>): Promise<T> =>
  is(db, PgTransaction) ? work(db) : db.transaction(work);

/**
 * The interaction that fixed the customer's latest appointment (since the file was last brought
 * back from lost), as one JSON value (null when none).
 */
type Fixer = { id: number; at: string; appointment: string; cancelledAt: string | null };
const latestFixer = (customerId: unknown) => sql<Fixer | null>`(
  select json_build_object('id', f.id, 'at', f.at, 'appointment', f.appointment, 'cancelledAt', f.appointment_cancelled_at)
  from interactions f where f.customer_id = ${customerId} and f.deleted_at is null and f.appointment is not null
    and f.at >= coalesce((select c.reopened_at from customers c where c.id = ${customerId}), '')
  order by f.at desc, f.id desc limit 1)`;

/**
 * Whether the appointment `fixer` fixed still stands: not cancelled, and not met by a call, visit
 * or meeting on or after its day, nor by any later contact logged as its outcome.
 */
async function stillStands(db: PgExecutor, customerId: number, fixer: Fixer | null, timeZone: string) {
  if (!fixer || fixer.cancelledAt) return null;
  const day = dayStart(new Date(fixer.appointment), timeZone).toISOString();
  const met = await statements(db).met().execute({ customerId, at: fixer.at, id: fixer.id, day });
  return met.length ? null : { id: fixer.id, at: fixer.at, appointment: fixer.appointment };
}

const kindIn = (kinds: readonly string[]) => inArray(interactions.kind, kinds as (typeof CALL_KINDS)[number][]);

/**
 * A logged call's due refresh, as named statements planned once per connection (planning the
 * lookup of one customer took 0.5 ms at 100,000 files, running it 0.03 ms).
 */
const statements = (db: PgExecutor) => ({
  current: (lockRow: boolean) =>
    prepared(db, lockRow ? 'due_current_locked' : 'due_current', (name) => {
      const q = db
        .select({ tier: customers.tier, createdAt: customers.createdAt, reopenedAt: customers.reopenedAt, ...DUE })
        .from(customers)
        .where(eq(customers.id, $('customerId')));
      return (lockRow ? q.for('no key update') : q).prepare(name);
    }),
  history: () =>
    prepared(db, 'due_history', (name) =>
      db
        .select({
          lastCall: sql<string | null>`max(case when ${kindIn(CALL_KINDS)} then ${interactions.at} end)`,
          lastVisit: sql<string | null>`max(case when ${kindIn(VISIT_KINDS)} then ${interactions.at} end)`,
          followUps: count(sql`case when ${kindIn(FOLLOW_UP_KINDS)} then 1 end`),
          // In the same statement: one round trip fewer on every logged call.
          fixer: latestFixer($('customerId')),
        })
        .from(interactions)
        .where(and(eq(interactions.customerId, $('customerId')), isNull(interactions.deletedAt)))
        .prepare(name),
    ),
  met: () =>
    prepared(db, 'due_appointment_met', (name) =>
      db
        .select({ one: sql`1` })
        .from(interactions)
        .where(
          and(
            eq(interactions.customerId, $('customerId')),
            isNull(interactions.deletedAt),
            or(gt(interactions.at, $('at')), and(eq(interactions.at, $('at')), gt(interactions.id, $('id')))),
            or(eq(interactions.meetsAppointment, true), and(kindIn(CALL_KINDS), gte(interactions.at, $('day')))),
          ),
        )
        .limit(1)
        .prepare(name),
    ),
  /** One UPDATE per set of columns that changed (named by which: a column left out keeps its indexes untouched). */
  update: (changed: (keyof typeof DUE)[]) =>
    prepared(
      db,
      `due_update_${DUE_KEYS.reduce((mask, k, i) => (changed.includes(k) ? mask | (1 << i) : mask), 0)}`,
      (name) =>
        db
          .update(customers)
          .set(Object.fromEntries(changed.map((k) => [k, $(k)])))
          .where(eq(customers.id, $('customerId')))
          .prepare(name),
    ),
});

async function standing(db: PgExecutor, customerId: number, timeZone: string): Promise<StandingAppointment | null> {
  const { rows } = await db.execute<{ fixer: Fixer | null }>(sql`select ${latestFixer(customerId)} as fixer`);
  return stillStands(db, customerId, rows[0]?.fixer ?? null, timeZone);
}

/**
 * Recomputes one customer's due fields from its interactions. Under READ COMMITTED two call logs
 * for one customer would each read the history without the other's call and the later write
 * would drop the earlier one; so the customer row is locked first (FOR NO KEY UPDATE: foreign
 * keys to it are not blocked) and the history is read after the lock is granted, when every
 * earlier writer's interaction has committed.
 */
async function refresh(
  db: PgExecutor,
  customerId: number,
  settings: Settings,
  lockRow: boolean,
  contact?: ContactChange,
): Promise<void> {
  const st = statements(db);
  const [c] = await st.current(lockRow).execute({ customerId });
  if (!c) return;
  // The call that won a customer back, logged once its file was reopened but dated before: the
  // restart moves back to it (as the SQLite store's restartBack).
  if (c.reopenedAt) {
    const { rows } = await db.execute<{ at: string | null }>(sql`
      select min(at) as at from interactions
      where customer_id = ${customerId} and deleted_at is null and created_at >= ${c.reopenedAt} and at < ${c.reopenedAt}
        and at > coalesce((select max(at) from interactions
          where customer_id = ${customerId} and deleted_at is null and created_at < ${c.reopenedAt}), '')`);
    const back = rows[0]?.at;
    if (back) {
      await db.update(customers).set({ reopenedAt: back }).where(eq(customers.id, customerId));
      c.reopenedAt = back;
    }
  }
  const [agg] = await st.history().execute({ customerId });
  const lastCall = agg?.lastCall ?? null;
  const lastVisit = agg?.lastVisit ?? null;
  const appointment = (await stillStands(db, customerId, agg?.fixer ?? null, settings.timeZone))?.appointment ?? null;
  const due = nextDue(c, lastCall, lastVisit, appointment, settings);
  const was = { status: c.status, byContact: c.statusByContact };
  const worked = contact ? statusAfterContact(was, contact, lastCall) : was;
  const next: DueFields = {
    lastCallAt: lastCall,
    lastVisitAt: lastVisit,
    appointmentAt: due.appointment?.toISOString() ?? null,
    nextCallDue: due.nextCallDue.toISOString(),
    nextVisitDue: due.nextVisitDue.toISOString(),
    nextDue: due.nextDue.toISOString(),
    followUps: agg?.followUps ?? 0,
    status: worked.status,
    statusByContact: worked.byContact,
  };
  // Only the columns that changed: one left out keeps its indexes untouched.
  const changed = DUE_KEYS.filter((k) => next[k] !== c[k]);
  if (!changed.length) return;
  await st.update(changed).execute({ customerId, ...Object.fromEntries(changed.map((k) => [k, next[k]])) });
}

/** Rows per UPDATE of refreshAll: one statement each, not one round trip per file. */
const BATCH = 2000;

/**
 * After a settings change: every file's due dates again from its materialised last call, visit
 * and appointment (removed files too: an undone merge brings one back). The rows are locked as
 * they are read, so a call logged meanwhile waits rather than being overwritten with dates
 * computed from the history before it.
 */
async function refreshAll(db: PgExecutor, settings: Settings): Promise<void> {
  const all = await db
    .select({
      id: customers.id,
      tier: customers.tier,
      createdAt: customers.createdAt,
      reopenedAt: customers.reopenedAt,
      lastCallAt: customers.lastCallAt,
      lastVisitAt: customers.lastVisitAt,
      appointmentAt: customers.appointmentAt,
      nextCallDue: customers.nextCallDue,
      nextVisitDue: customers.nextVisitDue,
      nextDue: customers.nextDue,
    })
    .from(customers)
    .orderBy(asc(customers.id))
    .for('no key update');
  const changed: { id: number; call: string; visit: string; due: string }[] = [];
  for (const r of all) {
    const d = nextDue(r, r.lastCallAt, r.lastVisitAt, r.appointmentAt, settings);
    const next = {
      id: r.id,
      call: d.nextCallDue.toISOString(),
      visit: d.nextVisitDue.toISOString(),
      due: d.nextDue.toISOString(),
    };
    if (next.call !== r.nextCallDue || next.visit !== r.nextVisitDue || next.due !== r.nextDue) changed.push(next);
  }
  for (let i = 0; i < changed.length; i += BATCH) {
    const part = changed.slice(i, i + BATCH);
    // One array parameter each (a bare JS array in sql`` would become a tuple of parameters).
    const column = (pick: (r: (typeof part)[number]) => string | number) => sql.param(part.map(pick));
    await db.execute(sql`
      update customers c set next_call_due = v.call, next_visit_due = v.visit, next_due = v.due
      from unnest(${column((r) => r.id)}::int[], ${column((r) => r.call)}::text[], ${column((r) => r.visit)}::text[],
        ${column((r) => r.due)}::text[]) as v(id, call, visit, due)
      where c.id = v.id`);
  }
}

/**
 * The due fields' repository on PostgreSQL. `lockRow: false` exists only for the test that shows
 * what the lock prevents.
 */
export function pgDue(db: PgExecutor, options: { lockRow?: boolean } = {}): DueStore {
  const lockRow = options.lockRow ?? true;
  return {
    refresh: (customerId, settings, contact) =>
      inTransaction(db, (tx) => refresh(tx, customerId, settings, lockRow, contact)),
    standing: (customerId, timeZone) => standing(db, customerId, timeZone),
    refreshAll: (settings) => inTransaction(db, (tx) => refreshAll(tx, settings)),
  };
}
