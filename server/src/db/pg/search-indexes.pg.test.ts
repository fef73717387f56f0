import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerSearch, customers } from '../schema.pg.ts';
import { type PgDb, pgDb, pgPool } from './client.ts';
import { createTestDatabase, pgServer } from './test-db.ts';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** Each two-character piece once, not across a space: what the Store will keep in `bigrams`. */
const bigrams = (names: string) => {
  const chars = [...names];
  const pieces = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++)
    if (!`${chars[i]}${chars[i + 1]}`.includes(' ')) pieces.add(`${chars[i]}${chars[i + 1]}`);
  return [...pieces];
};

const NAMES = ['嘉华贸易有限公司 王建国', '华嘉置业', 'Northwind Trading', '徐州嘉华融通置业 李明'];

let db: PgDb;

describe.skipIf(!pgServer)('search indexes on PostgreSQL', () => {
  beforeAll(async () => {
    const t = await createTestDatabase();
    cleanup.push(t.drop);
    const pool = pgPool(t.url, { max: 2 });
    cleanup.push(() => pool.end());
    db = pgDb(pool);
    const now = '2026-12-06T00:00:00.000Z';
    // Filler first, so that the planner has a table worth an index for.
    const names = [...Array.from({ length: 300 }, (_, i) => `客户${i}号商贸 某某${i}`), ...NAMES];
    const rows = await db
      .insert(customers)
      .values(
        names.map((name, i) => ({
          name: name.split(' ')[0] ?? name,
          normalizedName: name,
          initials: i % 2 ? 'JHMY' : 'jhmy',
          pinyin: 'jiahuamaoyi',
          tier: 'A' as const,
          status: 'active' as const,
          region: ['华东', '江苏'],
          phones: [],
          fax: [],
          emails: [],
          createdAt: now,
          updatedAt: now,
          nextCallDue: now,
          nextVisitDue: now,
          nextDue: now,
        })),
      )
      .returning({ id: customers.id, name: customers.name });
    await db.insert(customerSearch).values(
      rows.map((r, i) => ({
        customerId: r.id,
        name: names[i] ?? '',
        initials: 'x',
        pinyin: 'x',
        phones: `0516${String(i).padStart(6, '0')}`,
        domains: 'example.cn',
        emails: '',
        bigrams: bigrams(names[i] ?? ''),
        customerName: r.name,
      })),
    );
    await pool.query('analyze');
  });

  /** The plan of `query`, with sequential scans priced out so any usable index is taken. */
  async function plan(query: string, params: unknown[]): Promise<string> {
    const client = await db.$client.connect();
    try {
      await client.query('begin');
      await client.query('set local enable_seqscan = off');
      const r = await client.query<{ 'QUERY PLAN': string }>(`explain ${query}`, params);
      await client.query('rollback');
      return r.rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      client.release();
    }
  }
  const names = async (where: string, params: unknown[]) =>
    (
      await db.$client.query<{ name: string }>(`select name from customer_search where ${where} order by name`, params)
    ).rows.map((r) => r.name);

  it('finds three Chinese characters or more through the trigram GIN index, on any searched column', async () => {
    const where = 'name ilike $1 or pinyin ilike $1 or phones ilike $1 or domains ilike $1 or emails ilike $1';
    expect(await plan(`select customer_id from customer_search where ${where}`, ['%嘉华贸%'])).toMatch(
      /Bitmap Index Scan on customer_search_trgm/,
    );
    expect(await names(where, ['%嘉华贸%'])).toEqual(['嘉华贸易有限公司 王建国']);
    expect(await names('name ilike $1', ['%NORTHWIND%'])).toEqual(['Northwind Trading']);
  });

  it('finds two Chinese characters through the bigram GIN index, which trigrams cannot answer', async () => {
    const where = 'bigrams @> array[$1]::text[]';
    expect(await plan(`select customer_id from customer_search where ${where}`, ['嘉华'])).toMatch(
      /Bitmap Index Scan on customer_search_bigrams/,
    );
    const like = await names('name like $1', ['%嘉华%']);
    expect(like).toEqual(['嘉华贸易有限公司 王建国', '徐州嘉华融通置业 李明']);
    expect(await names(where, ['嘉华'])).toEqual(like);
    // Not across a space: "司 王" is no piece, nor is "司王".
    expect(await names(where, ['司王'])).toEqual([]);
    expect(await names(where, ['建国'])).toEqual(['嘉华贸易有限公司 王建国']);
  });

  it('finds an initials prefix by a code-point range on the collate "C" index, case-sensitively as SQLite', async () => {
    const where = `initials collate "C" >= $1 and initials collate "C" < $2`;
    expect(await plan(`select id from customers where ${where}`, ['jh', 'jh\u{10FFFF}'])).toMatch(
      /Index (Only )?Scan using customers_initials|Bitmap Index Scan on customers_initials/,
    );
    const count = await db.$client.query<{ n: number }>(`select count(*)::int as n from customers where ${where}`, [
      'jh',
      'jh\u{10FFFF}',
    ]);
    expect(count.rows[0]?.n).toBe(152);
  });

  it('round-trips jsonb and text[] as JavaScript values', async () => {
    const [c] = await db.select({ region: customers.region }).from(customers).limit(1);
    expect(c?.region).toEqual(['华东', '江苏']);
    const [s] = await db.select({ bigrams: customerSearch.bigrams }).from(customerSearch).limit(1);
    expect(Array.isArray(s?.bigrams)).toBe(true);
  });
});
