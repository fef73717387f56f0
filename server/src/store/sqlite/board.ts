import type { Tier } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import { type Db, preparedFor } from '../../db/client.ts';
import type { BoardStore, DueContact, DueFile, OpenCommitment } from '../board.ts';
import { OPEN_PROMISE } from '../commitments.ts';
import { visible } from './visibility.ts';

/** A file on the board: its earliest due and each reason's (DueFile). */
const FILE_COLUMNS = `id, name, tier, next_due as due, next_call_due as call, next_visit_due as visit,
  appointment_at as appointment`;

/**
 * A manager's board runs a count and a LIMIT per bucket through the next due's index, which
 * holds the board's order (due, tier, id: services/board.ts); prepared once per connection. One
 * index for every reason: a logged call moves its file in it and in no per-reason index
 * (measured: a logged call wrote 12.7 pages to the WAL, 2.6 of them in those).
 */
const statements = preparedFor((c) => {
  const range = `next_due >= ? and next_due < ? and deleted_at is null and status <> 'lost'`;
  return {
    count: c.prepare<[string, string, number], { n: number }>(
      `select count(*) as n from (select 1 from customers where ${range} limit ?)`,
    ),
    earliest: c.prepare<[string, string, number], DueFile>(
      `select ${FILE_COLUMNS} from customers where ${range} order by next_due, tier, id limit ?`,
    ),
  };
});

/** A manager's whole board reads promises by range of due instants, as it reads files (dueIn). */
const commitmentStatements = preparedFor((c) => {
  const open = `from commitments m join customers c on c.id = m.customer_id
    where ${OPEN_PROMISE} and m.due_at >= ? and m.due_at < ? and c.deleted_at is null and c.status <> 'lost'`;
  return {
    count: c.prepare<[string, string, number], { n: number }>(`select count(*) as n from (select 1 ${open} limit ?)`),
    earliest: c.prepare<[string, string, number], OpenCommitment>(
      `select m.id, m.customer_id as customerId, m.text, m.due_at as dueAt, c.name, c.tier ${open}
        order by m.due_at, c.tier, m.customer_id, m.id limit ?`,
    ),
  };
});

export function sqliteBoard(db: Db): BoardStore {
  return {
    async dueFiles(viewer, before, owner) {
      return db.all<DueFile>(
        sql`select ${sql.raw(FILE_COLUMNS)} from customers
          where deleted_at is null and status <> 'lost' and ${visible(viewer)} ${owner ? sql`and owner = ${owner}` : sql``}
            and next_due < ${before}`,
      );
    },
    async dueIn(ranges, limit, countCap) {
      const s = statements(db);
      return ranges.map(({ from, to }) => ({
        count: s.count.get(from, to, countCap + 1)?.n ?? 0,
        earliest: s.earliest.all(from, to, limit),
      }));
    },
    async commitmentsIn(ranges, limit, countCap) {
      const s = commitmentStatements(db);
      return ranges.map(({ from, to }) => ({
        count: s.count.get(from, to, countCap + 1)?.n ?? 0,
        earliest: s.earliest.all(from, to, limit),
      }));
    },
    async openCommitments(viewer, before, owner) {
      const rows = db.all<{ id: number; customer_id: number; text: string; due_at: string; name: string; tier: Tier }>(
        sql`select m.id, m.customer_id, m.text, m.due_at, c.name, c.tier
          from commitments m join customers c on c.id = m.customer_id
          where ${sql.raw(OPEN_PROMISE)} and m.due_at < ${before} and c.deleted_at is null and c.status <> 'lost'
            and ${visible(viewer, 'c')} ${owner ? sql`and c.owner = ${owner}` : sql``}`,
      );
      return rows.map((r) => ({
        id: r.id,
        customerId: r.customer_id,
        text: r.text,
        dueAt: r.due_at,
        name: r.name,
        tier: r.tier,
      }));
    },
    async contacts(customerIds) {
      if (!customerIds.length) return [];
      const ids = sql.join(
        customerIds.map((i) => sql`${i}`),
        sql`, `,
      );
      const people = db.all<{ customer_id: number; id: number; name: string; phone: string }>(
        sql`select customer_id, id, name, coalesce(nullif(trim(mobile), ''), nullif(trim(direct_line), '')) as phone
          from people
          where deleted_at is null and customer_id in (${ids})
            and coalesce(nullif(trim(mobile), ''), nullif(trim(direct_line), '')) is not null
          order by customer_id, key_person desc, id`,
      );
      const out = new Map<number, DueContact>();
      for (const p of people)
        if (!out.has(p.customer_id))
          out.set(p.customer_id, { customerId: p.customer_id, personId: p.id, name: p.name, phone: p.phone });
      const rest = customerIds.filter((i) => !out.has(i));
      if (rest.length) {
        const files = db.all<{ id: number; phones: string }>(
          sql`select id, phones from customers where id in (${sql.join(
            rest.map((i) => sql`${i}`),
            sql`, `,
          )})`,
        );
        for (const f of files) {
          const phone = (JSON.parse(f.phones || '[]') as string[]).find((x) => x.trim());
          if (phone) out.set(f.id, { customerId: f.id, personId: null, name: null, phone });
        }
      }
      return [...out.values()];
    },
  };
}
