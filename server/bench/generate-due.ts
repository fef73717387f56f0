import { CALL_KINDS, FOLLOW_UP_KINDS, VISIT_KINDS } from '@dossier/shared';
import type Database from 'better-sqlite3';
import type { Db } from '../src/db/client.ts';
import { refreshDue } from '../src/store/sqlite/due.ts';
import { settingsOn } from '../src/store/sqlite/settings.ts';
import type { Rng } from './data.ts';

const list = (kinds: readonly string[]) => kinds.map((k) => `'${k}'`).join(', ');

/**
 * last_call_at, last_visit_at, follow_ups and appointment_at for every customer in a few
 * statements instead of 100,000 calls of refreshDue, with the same rules (the kind lists come
 * from @dossier/shared): the latest appointment fixed stands unless it was cancelled or met — a
 * later contact logged as its outcome, or a call, visit or meeting on or after its local day.
 * The day is cut at Shanghai's midnight, the time zone of the generated settings (checked).
 * refreshAllDue then derives the due dates from these, and checkDue proves the two agree.
 */
export function setDueFromHistory(raw: Database.Database): void {
  const zone = (raw.prepare("select value from settings where key = 'app'").get() as { value?: string } | undefined)
    ?.value;
  if (zone && !zone.includes('Asia/Shanghai')) throw new Error('setDueFromHistory cuts days at UTC+8 only');
  raw.exec(`
    create temp table agg as select customer_id as id,
      max(case when kind in (${list(CALL_KINDS)}) then at end) as last_call,
      max(case when kind in (${list(VISIT_KINDS)}) then at end) as last_visit,
      sum(case when kind in (${list(FOLLOW_UP_KINDS)}) then 1 else 0 end) as follow_ups
    from interactions where deleted_at is null group by customer_id;
    create temp table fixer as select id, iid, at, appointment, cancelled from (
      select customer_id as id, id as iid, at, appointment, appointment_cancelled_at as cancelled,
        row_number() over (partition by customer_id order by at desc, id desc) as rn
      from interactions where deleted_at is null and appointment is not null) where rn = 1;
    create temp table appt as select f.id as id, f.appointment as appointment from fixer f
      where f.cancelled is null and not exists (
        select 1 from interactions j where j.customer_id = f.id and j.deleted_at is null
          and (j.at > f.at or (j.at = f.at and j.id > f.iid))
          and (j.meets_appointment = 1 or (j.kind in (${list(CALL_KINDS)})
            and j.at >= strftime('%Y-%m-%dT%H:%M:%fZ', date(f.appointment, '+8 hours'), '-8 hours'))));
    update customers set last_call_at = a.last_call, last_visit_at = a.last_visit, follow_ups = a.follow_ups
      from agg a where a.id = customers.id;
    update customers set appointment_at = p.appointment from appt p where p.id = customers.id;
    drop table agg; drop table fixer; drop table appt;`);
}

const FIELDS = 'last_call_at, last_visit_at, appointment_at, next_call_due, next_visit_due, next_due, follow_ups';

/**
 * Proof that the set-based fill agrees with the server: for a sample of customers, the row as
 * generated must equal what refreshDue (the code path of every real write) computes. Done in a
 * transaction that is rolled back, so the check changes nothing.
 */
export function checkDue(db: Db, n: number, r: Rng): void {
  const raw = db.$client;
  const max = (raw.prepare('select max(id) as m from customers').get() as { m: number }).m;
  const read = raw.prepare(`select ${FIELDS} from customers where id = ?`);
  const settings = settingsOn(db);
  const bad: string[] = [];
  raw.exec('begin');
  try {
    for (let i = 0; i < n; i++) {
      const id = r.int(1, max);
      const before = JSON.stringify(read.get(id));
      refreshDue(db, id, settings);
      const after = JSON.stringify(read.get(id));
      if (before !== after) bad.push(`customer ${id}: generated ${before}, refreshDue ${after}`);
    }
  } finally {
    raw.exec('rollback');
  }
  if (bad.length) throw new Error(`materialised due fields disagree with refreshDue:\n${bad.slice(0, 5).join('\n')}`);
}
