import { afterAll, describe, expect, it } from 'vitest';
import { openPgDb, pgPool } from './client.ts';
import { assertHandlesChinese, DatabaseLocaleError, localeReport } from './locale.ts';
import { createTestDatabase, pgServer, type TestDatabase } from './test-db.ts';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});
async function database(options: Parameters<typeof createTestDatabase>[0]): Promise<TestDatabase> {
  const db = await createTestDatabase(options);
  cleanup.push(db.drop);
  return db;
}

describe.skipIf(!pgServer)('the locale check', () => {
  it('accepts the C.UTF-8 database: pg_trgm finds trigrams in Chinese there', async () => {
    const db = await database({});
    const pool = pgPool(db.url, { max: 1 });
    cleanup.push(() => pool.end());
    expect(await localeReport(pool)).toMatchObject({ encoding: 'UTF8', ctype: 'C.UTF-8', collate: 'C.UTF-8' });
    expect((await localeReport(pool)).trigrams).toBeGreaterThan(0);
    expect(await assertHandlesChinese(pool)).toEqual({ probed: true });
  });

  it('refuses a database created with LC_CTYPE C, naming its ctype and how to create one that works', async () => {
    const db = await database({ template: 'template0', ctype: 'C' });
    const pool = pgPool(db.url, { max: 1 });
    cleanup.push(() => pool.end());
    // Before migrations (no pg_trgm yet) it can only judge by the ctype's name…
    const before = assertHandlesChinese(pool);
    await expect(before).rejects.toThrow(DatabaseLocaleError);
    await expect(before).rejects.toThrow(/LC_CTYPE "C"/);
    // …with pg_trgm it sees the behaviour itself: no trigrams in Chinese.
    await pool.query('create extension pg_trgm');
    const probe = await pool.query<{ t: string[] }>("select show_trgm('客户档案') as t");
    expect(probe.rows[0]?.t).toEqual([]);
    const after = assertHandlesChinese(pool);
    await expect(after).rejects.toThrow(/show_trgm\('客户档案'\) is empty/);
    await expect(after).rejects.toThrow(/CREATE DATABASE t_\d+_\d+ TEMPLATE template0 .*LC_CTYPE 'C.UTF-8'/);
  });

  it('is run by openPgDb before it migrates: a C-ctype database is refused and left untouched', async () => {
    const db = await database({ template: 'template0', ctype: 'C' });
    await expect(openPgDb(db.url)).rejects.toThrow(/cannot search Chinese text/);
    const pool = pgPool(db.url, { max: 1 });
    cleanup.push(() => pool.end());
    const migrated = await pool.query("select 1 from information_schema.schemata where schema_name = 'drizzle'");
    expect(migrated.rowCount).toBe(0);
  });

  it('lets openPgDb open a fresh C.UTF-8 database: migrated, then probed with pg_trgm', async () => {
    const db = await database({ template: 'template0' });
    const opened = await openPgDb(db.url, { max: 1 });
    cleanup.push(() => opened.$client.end());
    expect((await localeReport(opened.$client)).trigrams).toBeGreaterThan(0);
  });
});
