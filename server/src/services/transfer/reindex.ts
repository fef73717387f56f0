import type { Db } from '../../db/client.ts';
import { type SearchCustomer, type SearchKey, type SearchPerson, searchRow } from '../search-index.ts';

const CHUNK = 500;

/**
 * The search rows of many customers at once, for imports: the row searchRow builds (as
 * reindexCustomer does), from three set queries per 500 customers instead of five statements
 * per customer (half the time of a 10,000-row import went there).
 */
export function reindexMany(db: Db, ids: Iterable<number>): void {
  const c = db.$client;
  const del = c.prepare('delete from customer_search where rowid = ?');
  const ins = c.prepare(
    'insert into customer_search (rowid, name, initials, pinyin, phones, domains, emails, bigrams) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const all = [...new Set(ids)];
  for (let i = 0; i < all.length; i += CHUNK) {
    const part = all.slice(i, i + CHUNK);
    const marks = part.map(() => '?').join(',');
    const customers = c
      .prepare(
        `select id, name, initials, pinyin, phones, emails, website, deleted_at from customers where id in (${marks})`,
      )
      .all(...part) as (SearchCustomer & { id: number; deleted_at: string | null })[];
    const people = c
      .prepare(
        `select customer_id, name, mobile, direct_line, email from people
         where customer_id in (${marks}) and deleted_at is null order by customer_id, id`,
      )
      .all(...part) as (SearchPerson & { customer_id: number })[];
    const keys = c
      .prepare(
        `select customer_id, kind, value from customer_keys where customer_id in (${marks}) order by customer_id, id`,
      )
      .all(...part) as (SearchKey & { customer_id: number })[];
    const group = <T extends { customer_id: number }>(rows: T[]) => {
      const m = new Map<number, T[]>();
      for (const r of rows) m.set(r.customer_id, [...(m.get(r.customer_id) ?? []), r]);
      return m;
    };
    const peopleOf = group(people);
    const keysOf = group(keys);
    for (const id of part) del.run(id);
    for (const cu of customers) {
      if (cu.deleted_at) continue;
      ins.run(cu.id, ...searchRow(cu, peopleOf.get(cu.id) ?? [], keysOf.get(cu.id) ?? []));
    }
  }
}
