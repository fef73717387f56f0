import { isDeepStrictEqual } from 'node:util';
import { TEST_ENGINE } from './test-engine.ts';
import type { TestApp } from './test-utils.ts';

/**
 * The search index's rows (of one customer, or all) by customer id, on either engine: SQLite's
 * FTS5 table keys a row by its rowid, PostgreSQL's plain table by customer_id.
 */
export function searchRows(t: TestApp, customerId?: number) {
  const where = customerId === undefined ? '' : TEST_ENGINE === 'pg' ? 'where customer_id = ?' : 'where rowid = ?';
  const params = customerId === undefined ? [] : [customerId];
  return TEST_ENGINE === 'pg'
    ? t.sql(`select * from customer_search ${where} order by customer_id`, ...params)
    : t.sql(`select rowid as customer_id, * from customer_search ${where} order by rowid`, ...params);
}

/** t.dump with the search index too (t.dump leaves it out): every row a write could touch. */
export async function dumpAll(t: TestApp, skip: string[] = []) {
  return { ...(await t.dump(skip)), customer_search: await searchRows(t) };
}

/**
 * The rows of `before` that `after` no longer holds exactly, table by table (each row of `after`
 * answers one of `before` at most): empty when every row that existed is as it was, whatever
 * rows were added and wherever the engine's order puts them.
 */
export function lostRows(before: Record<string, unknown[]>, after: Record<string, unknown[]>) {
  const lost: Record<string, unknown[]> = {};
  for (const [table, rows] of Object.entries(before)) {
    const left = [...(after[table] ?? [])];
    const gone = rows.filter((row) => {
      const i = left.findIndex((r) => isDeepStrictEqual(r, row));
      if (i >= 0) left.splice(i, 1);
      return i < 0;
    });
    if (gone.length) lost[table] = gone;
  }
  return lost;
}
