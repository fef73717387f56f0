import { type SQL, sql } from 'drizzle-orm';
import type { BoardStore, DueContact, DueFile, OpenCommitment } from '../board.ts';
import { OPEN_PROMISE } from '../commitments.ts';
import type { PgExecutor } from './executor.ts';

/** A file on the board: its earliest due and each reason's (DueFile). */
const FILE_COLUMNS = sql`c.id, c.name, c.tier, c.next_due as due, c.next_call_due as call, c.next_visit_due as visit,
  c.appointment_at as appointment`;

/** `id = any(list)` with the list as one array parameter. */
const anyId = (column: string, ids: number[]) => sql`${sql.raw(column)} = any(${sql.param(ids)}::int[])`;

const STILL_OPEN = sql.raw(OPEN_PROMISE);
/** An open promise's columns, as OpenCommitment names them. */
const PROMISE_COLUMNS = sql`m.id, m.customer_id as "customerId", m.text, m.due_at as "dueAt", c.name, c.tier`;

/**
 * Each promise's live, not lost file looked up by its id (the lateral subquery kept apart by
 * OFFSET 0): as a join, the planner hashed all 100,000 files for a few thousand promises.
 */
const PROMISE_FILE = sql`from commitments m cross join lateral (
    select c.name, c.tier from customers c
    where c.id = m.customer_id and c.deleted_at is null and c.status <> 'lost' offset 0) c`;

export function pgBoard(db: PgExecutor): BoardStore {
  return {
    async dueFiles(viewer, before, owner) {
      const live = sql`c.deleted_at is null and c.status <> 'lost' and c.next_due < ${before} ${owner ? sql`and c.owner = ${owner}` : sql``}`;
      // A member's files are their own (the owner index) and those shared with them, read as two
      // indexed arms: asked as one IN over the whole table, the planner scans all 100,000 files.
      const rows =
        viewer.role === 'manager'
          ? await db.execute<DueFile & Record<string, unknown>>(
              sql`select ${FILE_COLUMNS} from customers c where ${live} order by c.id`,
            )
          : await db.execute<DueFile & Record<string, unknown>>(
              sql`select ${FILE_COLUMNS} from customers c where c.owner = ${viewer.name} and ${live}
                union all
                select ${FILE_COLUMNS} from customer_shares s join customers c on c.id = s.customer_id
                where s.user_id = ${viewer.id} and c.owner is distinct from ${viewer.name} and ${live}
                order by id`,
            );
      return rows.rows;
    },
    async dueIn(ranges, limit, countCap) {
      if (!ranges.length) return [];
      // Every range in one statement (a manager's board has five): each arm a count and the
      // earliest `limit` through the next due's index. One round trip, and never two queries at
      // once on a transaction's one connection.
      const arms = ranges.map(({ from, to }, i) => {
        const range = sql`c.next_due >= ${from} and c.next_due < ${to} and c.deleted_at is null and c.status <> 'lost'`;
        return sql`select ${sql.raw(String(i))} as i,
          (select count(*)::int from (select 1 from customers c where ${range} limit ${countCap + 1}) n) as n,
          (select coalesce(json_agg(e order by e.due, e.tier, e.id), '[]') from (
            select ${FILE_COLUMNS} from customers c where ${range} order by c.next_due, c.tier, c.id limit ${limit}) e) as earliest`;
      });
      const rows = await db.execute<{ i: number; n: number; earliest: DueFile[] }>(sql.join(arms, sql` union all `));
      const byRange = new Map(rows.rows.map((r) => [r.i, r]));
      return ranges.map((_, i) => ({ count: byRange.get(i)?.n ?? 0, earliest: byRange.get(i)?.earliest ?? [] }));
    },
    async commitmentsIn(ranges, limit, countCap) {
      if (!ranges.length) return [];
      // As dueIn: every range in one statement, at most the cap and the earliest `limit` of each.
      const arms = ranges.map(({ from, to }, i) => {
        const due = sql`${STILL_OPEN} and m.due_at >= ${from} and m.due_at < ${to}`;
        const open = sql`${PROMISE_FILE} where ${due}`;
        // Counted against the closed files' index (customers_closed), not by each promise's file.
        const counted = sql`from commitments m where ${due} and not exists (select 1 from customers c
          where c.id = m.customer_id and (c.deleted_at is not null or c.status = 'lost'))`;
        return sql`select ${sql.raw(String(i))} as i,
          (select count(*)::int from (select 1 ${counted} limit ${countCap + 1}) n) as n,
          (select coalesce(json_agg(e order by e."dueAt", e.tier, e."customerId", e.id), '[]') from (
            select ${PROMISE_COLUMNS} ${open} order by m.due_at, c.tier, m.customer_id, m.id limit ${limit}) e) as earliest`;
      });
      const rows = await db.execute<{ i: number; n: number; earliest: OpenCommitment[] }>(
        sql.join(arms, sql` union all `),
      );
      const byRange = new Map(rows.rows.map((r) => [r.i, r]));
      return ranges.map((_, i) => ({ count: byRange.get(i)?.n ?? 0, earliest: byRange.get(i)?.earliest ?? [] }));
    },
    async openCommitments(viewer, before, owner) {
      type Row = OpenCommitment & Record<string, unknown>;
      const open = sql`${STILL_OPEN} and m.due_at < ${before} and c.deleted_at is null and c.status <> 'lost'`;
      if (viewer.role === 'manager' && !owner) {
        const rows = await db.execute<Row>(
          sql`select ${PROMISE_COLUMNS} ${PROMISE_FILE} where ${STILL_OPEN} and m.due_at < ${before} order by m.id`,
        );
        return rows.rows;
      }
      // One owner's promises, from their files (the owner index) and those shared with a member —
      // a few hundred files, not every open promise looked up one by one. A member asking for
      // another owner sees only what is shared with them of it.
      const arms: SQL[] = [];
      if (viewer.role === 'manager' || !owner || owner === viewer.name)
        arms.push(sql`select ${PROMISE_COLUMNS} from customers c join commitments m on m.customer_id = c.id
          where c.owner = ${owner ?? viewer.name} and ${open}`);
      if (viewer.role !== 'manager')
        arms.push(sql`select ${PROMISE_COLUMNS} from customer_shares s join customers c on c.id = s.customer_id
            join commitments m on m.customer_id = c.id
          where s.user_id = ${viewer.id} and c.owner is distinct from ${viewer.name} and ${open}
            ${owner ? sql`and c.owner = ${owner}` : sql``}`);
      const rows = await db.execute<Row>(sql`select * from (${sql.join(arms, sql` union all `)}) x order by id`);
      return rows.rows;
    },
    async contacts(customerIds) {
      if (!customerIds.length) return [];
      const people = await db.execute<{ customer_id: number; id: number; name: string; phone: string }>(
        sql`select customer_id, id, name, coalesce(nullif(trim(mobile), ''), nullif(trim(direct_line), '')) as phone
          from people
          where deleted_at is null and ${anyId('customer_id', customerIds)}
            and coalesce(nullif(trim(mobile), ''), nullif(trim(direct_line), '')) is not null
          order by customer_id, key_person desc, id`,
      );
      const out = new Map<number, DueContact>();
      for (const p of people.rows)
        if (!out.has(p.customer_id))
          out.set(p.customer_id, { customerId: p.customer_id, personId: p.id, name: p.name, phone: p.phone });
      const rest = customerIds.filter((i) => !out.has(i));
      if (rest.length) {
        const files = await db.execute<{ id: number; phones: string[] | null }>(
          sql`select id, phones from customers where ${anyId('id', rest)} order by id`,
        );
        for (const f of files.rows) {
          // jsonb arrives parsed.
          const phone = (f.phones ?? []).find((x) => x.trim());
          if (phone) out.set(f.id, { customerId: f.id, personId: null, name: null, phone });
        }
      }
      return [...out.values()];
    },
  };
}
