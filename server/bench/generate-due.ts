import { CALL_KINDS, FOLLOW_UP_KINDS, VISIT_KINDS } from '@dossier/shared';
import type Database from 'better-sqlite3';
import type { Db } from '../src/db/client.ts';
import { refreshDue } from '../src/services/due.ts';
import { getSettings } from '../src/services/settings.ts';
import type { Rng } from './data.ts';

const list = (kinds: readonly string[]) => kinds.map((k) => `'${k}'`).join(', ');

/**
 * last_call_at, last_visit_at, follow_ups and appointment_at for every customer in four
 * statements instead of 100,000 calls of refreshDue, with the same rules (the kind lists come
 * from @dossier/shared): the latest appointment stands until a non-note contact comes after the
 * interaction that fixed it. refreshAllDue then derives the due dates from these.
 */
export function setDueFromHistory(raw: Database.Database): void {
  raw.exec(`
    create temp table agg as select customer_id as id,
      max(case when kind in (${list(CALL_KINDS)}) then at end) as last_call,
      max(case when kind in (${list(VISIT_KINDS)}) then at end) as last_visit,
      sum(case when kind in (${list(FOLLOW_UP_KINDS)}) then 1 else 0 end) as follow_ups
    from interactions where deleted_at is null group by customer_id;
    create temp table last_contact as select customer_id as id, at, iid from (
      select customer_id, at, id as iid, row_number() over (partition by customer_id order by at desc, id desc) as rn
      from interactions where deleted_at is null and kind <> 'note') where rn = 1;
    create temp table appt as select c.id as id, (
      select i.appointment from interactions i
      where i.customer_id = c.id and i.deleted_at is null and i.appointment is not null
        and (l.id is null or i.at > l.at or (i.at = l.at and i.id >= l.iid))
      order by i.at desc, i.id desc limit 1) as appointment
    from customers c left join last_contact l on l.id = c.id;
    update customers set last_call_at = a.last_call, last_visit_at = a.last_visit, follow_ups = a.follow_ups
      from agg a where a.id = customers.id;
    update customers set appointment_at = p.appointment from appt p where p.id = customers.id;
    drop table agg; drop table last_contact; drop table appt;`);
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
  const settings = getSettings(db);
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
