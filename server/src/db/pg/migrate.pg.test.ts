import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { refreshListedNames } from '../../store/pg/name-forms.ts';
import { pgDb, pgPool } from './client.ts';
import { knownPgMigrations, MIGRATION_LOCK_KEY, migratePg, pgMigrationsFolder } from './migrate.ts';
import { createTestDatabase, pgServer, type TestDatabase } from './test-db.ts';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function fresh(): Promise<TestDatabase> {
  const db = await createTestDatabase({ template: 'template0' });
  cleanup.push(db.drop);
  return db;
}
function pool(db: TestDatabase): pg.Pool {
  const p = pgPool(db.url, { max: 2 });
  cleanup.push(() => p.end());
  return p;
}

/**
 * A fresh database migrated by the migrations before `tag` only (a folder of their own), as an
 * older server left it, with one customer in it.
 */
async function leftBefore(tag: string): Promise<pg.Pool> {
  const earlier = mkdtempSync(join(tmpdir(), 'dossier-pg-migrations-'));
  mkdirSync(join(earlier, 'meta'));
  const meta = JSON.parse(readFileSync(join(pgMigrationsFolder, 'meta/_journal.json'), 'utf8'));
  const upTo = meta.entries.filter((e: { tag: string }) => e.tag < tag);
  writeFileSync(join(earlier, 'meta/_journal.json'), JSON.stringify({ ...meta, entries: upTo }));
  for (const e of upTo) copyFileSync(join(pgMigrationsFolder, `${e.tag}.sql`), join(earlier, `${e.tag}.sql`));
  const p = pool(await fresh());
  await migratePg(p, earlier);
  await p.query(`insert into customers (name, normalized_name, initials, pinyin, tier, status, region, phones, fax, emails,
    next_call_due, next_visit_due, next_due, created_at, updated_at)
    values ('Northwind', 'northwind', 'NW', 'Northwind', 'A', 'active', '[]', '[]', '[]', '[]', 'x', 'x', 'x', 'x', 'x')`);
  return p;
}

const journal = async (p: pg.Pool) =>
  (await p.query<{ hash: string }>('select hash from drizzle.__drizzle_migrations order by id')).rows.map(
    (r) => r.hash,
  );

describe.skipIf(!pgServer)('PostgreSQL migrations', () => {
  it('apply on a fresh database: every table, pg_trgm, and the journal lists each migration once', async () => {
    const p = pool(await fresh());
    const known = knownPgMigrations();
    expect(await migratePg(p)).toBe(known.size);
    expect(await journal(p)).toEqual([...known]);
    const tables = await p.query<{ n: number }>(
      "select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name in ('customers', 'customer_search', 'replays')",
    );
    expect(tables.rows[0]?.n).toBe(3);
    const trgm = await p.query("select 1 from pg_extension where extname = 'pg_trgm'");
    expect(trgm.rowCount).toBe(1);
    // Nothing left to do the second time.
    expect(await migratePg(p)).toBe(0);
    expect(await journal(p)).toEqual([...known]);
  });

  it('run once when two processes start together on one fresh database', async () => {
    const db = await fresh();
    // Two pools: two processes' connections, not one connection queueing both.
    const [a, b] = [pool(db), pool(db)];
    const applied = await Promise.all([migratePg(a), migratePg(b)]);
    const known = knownPgMigrations();
    expect(applied.sort()).toEqual([0, known.size]);
    expect(await journal(a)).toEqual([...known]);
  });

  it('leave nothing behind when a migration fails, and release the lock for the next attempt', async () => {
    const p = pool(await fresh());
    // The template's own schema already there: 0000's first CREATE TABLE fails.
    await p.query('create table audit_log (id int)');
    await expect(migratePg(p)).rejects.toThrow(/already exists/);
    const left = await p.query("select 1 from information_schema.schemata where schema_name = 'drizzle'");
    expect(left.rowCount).toBe(0);
    const lock = await p.query<{ free: boolean }>('select pg_try_advisory_xact_lock($1) as free', [MIGRATION_LOCK_KEY]);
    expect(lock.rows[0]?.free).toBe(true);
    await p.query('drop table audit_log');
    expect(await migratePg(p)).toBe(knownPgMigrations().size);
  });

  it('hold no session state: a migration leaves no advisory lock on its connection', async () => {
    const p = pool(await fresh());
    await migratePg(p);
    const held = await p.query<{ n: number }>("select count(*)::int as n from pg_locks where locktype = 'advisory'");
    expect(held.rows[0]?.n).toBe(0);
  });

  it('fold the search rows written before they were kept lower-case, keep searches off parallel workers, and fill each row its customer name', async () => {
    // The migrations up to 0002: a database as a team server left it.
    const p = await leftBefore('0003');
    await p.query(`insert into customer_search (customer_id, name, initials, pinyin, phones, domains, emails)
      select id, 'Northwind Ann LEE', 'NW', 'Northwind', '', 'Northwind.example', 'Ann@Northwind.example' from customers`);
    await migratePg(p);
    const row = await p.query('select name, initials, pinyin, domains, emails, customer_name from customer_search');
    expect(row.rows).toEqual([
      {
        name: 'northwind ann lee',
        initials: 'nw',
        pinyin: 'northwind',
        domains: 'northwind.example',
        emails: 'ann@northwind.example',
        customer_name: 'Northwind',
      },
    ]);
    // Taken down while the rows were filled, and built again as drizzle-pg/0001 made them.
    const indexes = await p.query<{ indexdef: string }>(
      "select indexdef from pg_indexes where tablename = 'customer_search' and indexname like 'customer_search_%' order by indexname",
    );
    expect(indexes.rows.map((r) => r.indexdef.replace(/ ON public\./, ' ON '))).toEqual([
      'CREATE INDEX customer_search_bigrams ON customer_search USING gin (bigrams) WITH (fastupdate=off)',
      'CREATE UNIQUE INDEX customer_search_pkey ON customer_search USING btree (customer_id)',
      'CREATE INDEX customer_search_trgm ON customer_search USING gin (name gin_trgm_ops, initials gin_trgm_ops, pinyin gin_trgm_ops, phones gin_trgm_ops, domains gin_trgm_ops, emails gin_trgm_ops) WITH (fastupdate=off)',
    ]);
    const options = await p.query("select reloptions from pg_class where relname = 'customer_search'");
    expect(options.rows[0]?.reloptions).toEqual(['parallel_workers=0']);
  });

  it("move each logged contact's replay record from replays into its row, and leave every other record", async () => {
    const p = await leftBefore('0006');
    await p.query(`insert into interactions (customer_id, kind, at, idempotency_key, created_at)
      select id, 'call', 'x', k, 'x' from customers, unnest(array['logged-1', 'imported-1']) k`);
    await p.query(`insert into replays (key, user_id, operation, fingerprint, at)
      values ('logged-1', 7, 'interaction', 'f-logged', 'x'), ('promise-1', 7, 'commitment', 'f-promise', 'x')`);
    await migratePg(p);
    const rows = await p.query(
      'select idempotency_key, requested_by, request_fingerprint from interactions order by idempotency_key desc',
    );
    expect(rows.rows).toEqual([
      { idempotency_key: 'logged-1', requested_by: 7, request_fingerprint: 'f-logged' },
      { idempotency_key: 'imported-1', requested_by: null, request_fingerprint: null },
    ]);
    expect((await p.query('select key, operation from replays')).rows).toEqual([
      { key: 'promise-1', operation: 'commitment' },
    ]);
  });

  it('withdraw the open promises of files lost before them, as of the loss and with why, and no other', async () => {
    const p = await leftBefore('0012');
    await p.query(`update customers set status = 'lost', lost_at = '2026-11-02T02:00:00.000Z',
      lost_reason_code = 'price', lost_reason = '对手报价低'`);
    await p.query(`insert into commitments (customer_id, text, due_at, kept_at, created_at)
      select id, t, 'd', k, 'c' from customers, (values ('open', null), ('kept', 'x')) v(t, k)`);
    await migratePg(p);
    const rows = await p.query('select text, withdrawn_at, withdrawn_reason from commitments order by text desc');
    expect(rows.rows).toEqual([
      { text: 'open', withdrawn_at: '2026-11-02T02:00:00.000Z', withdrawn_reason: 'lost (price: 对手报价低)' },
      { text: 'kept', withdrawn_at: null, withdrawn_reason: null },
    ]);
  });

  it('list the files with Latin names, accented former names or people; their forms are worked out again once', async () => {
    const p = await leftBefore('0016');
    await p.query(`insert into customers (name, former_names, normalized_name, initials, pinyin, tier, status, region,
      phones, fax, emails, next_call_due, next_visit_due, next_due, created_at, updated_at)
      select n, f::jsonb, o, 'X', 'x', 'A', 'active', '[]', '[]', '[]', '[]', 'x', 'x', 'x', 'x', 'x' from (values
        ('Lefèvre Emballages', '[]', 'lefèvre emballages'), ('NORTHWIND TRADING SARL', '[]', 'northwind trading sarl'),
        ('杜邦', '["Société Dupont"]', '杜邦'), ('嘉华置业', '[]', '嘉华置业')) v(n, f, o)`);
    await p.query(`insert into people (customer_id, name, created_at, updated_at)
      select id, 'Zoë Smith', 'c', 'u' from customers where name = 'Northwind'`);
    await p.query(`insert into customer_search (customer_id, name, initials, pinyin, phones, domains, emails, customer_name)
      select id, lower(name), 'x', 'x', '', '', '', name from customers`);
    await migratePg(p);
    const listed = await p.query(
      'select c.name from names_to_refresh r join customers c on c.id = r.customer_id order by 1',
    );
    expect(listed.rows.map((r) => r.name)).toEqual([
      'Lefèvre Emballages',
      'NORTHWIND TRADING SARL',
      'Northwind',
      '杜邦',
    ]);

    const db = pgDb(p);
    expect(await refreshListedNames(db)).toBe(4);

    const files = await p.query('select name, normalized_name from customers order by id');
    expect(files.rows.map((r) => [r.name, r.normalized_name])).toEqual([
      ['Northwind', 'northwind'],
      ['Lefèvre Emballages', 'lefevre emballages'],
      ['NORTHWIND TRADING SARL', 'northwind trading'],
      ['杜邦', '杜邦'],
      ['嘉华置业', '嘉华置业'],
    ]);
    const found = async (q: string) =>
      (await p.query('select customer_name from customer_search where name like $1 order by 1', [`%${q}%`])).rows.map(
        (r) => r.customer_name,
      );
    expect(await found('lefevre')).toEqual(['Lefèvre Emballages']);
    expect(await found('zoe')).toEqual(['Northwind']);
    expect(await found('societe')).toEqual(['杜邦']);
    expect((await p.query('select count(*)::int as n from names_to_refresh')).rows[0]?.n).toBe(0);
    expect(await refreshListedNames(db)).toBe(0);
  });

  it('list the files whose name or name keys hold ae, oe or ue, once, beside those already listed', async () => {
    const p = await leftBefore('0017');
    await p.query(`insert into customers (name, normalized_name, initials, pinyin, tier, status, region,
      phones, fax, emails, next_call_due, next_visit_due, next_due, created_at, updated_at)
      select n, o, 'X', 'x', 'A', 'active', '[]', '[]', '[]', '[]', 'x', 'x', 'x', 'x', 'x' from (values
        ('Müller Straßenbau', 'muller strassenbau'), ('MUELLER STRASSENBAU AG', 'mueller strassenbau'),
        ('Blue Ocean', 'blue ocean'), ('嘉华置业', '嘉华置业')) v(n, o)`);
    await p.query(`insert into names_to_refresh (customer_id) select id from customers where name = 'Blue Ocean'`);
    await migratePg(p);
    const listed = await p.query(
      'select c.name from names_to_refresh r join customers c on c.id = r.customer_id order by 1',
    );
    expect(listed.rows.map((r) => r.name)).toEqual(['Blue Ocean', 'MUELLER STRASSENBAU AG']);
    expect(await refreshListedNames(pgDb(p))).toBe(2);
    const files = await p.query("select normalized_name from customers where name like 'M%' order by id");
    expect(files.rows.map((r) => r.normalized_name)).toEqual(['muller strassenbau', 'muller strassenbau']);
  });

  it('date a signed file by the latest edit that signed it, land won by its edit or the land result that opened it', async () => {
    const p = await leftBefore('0018');
    await p.query(`insert into customers (id, name, normalized_name, initials, pinyin, tier, status, stage, region,
      phones, fax, emails, next_call_due, next_visit_due, next_due, created_at, updated_at)
      select i, 'n' || i, 'x', 'X', 'x', 'A', s, g, '[]', '[]', '[]', '[]', 'x', 'x', 'x', 'c', 'u' from (values
        (101, 'signed', null), (102, 'signed', 'land_won'), (103, 'active', null), (104, 'prospect', 'land_won'),
        (111, 'signed', null)) v(i, s, g)`);
    await p.query(`insert into audit_log (at, user_name, method, path, status, detail) values
      ('2026-09-01', 'me', 'PATCH', '/api/customers/101', 200, '{"status":"signed"}'),
      ('2026-10-01', 'me', 'PATCH', '/api/customers/101', 200, '{"tier":"A", "status": "signed"}'),
      ('2026-11-01', 'me', 'PATCH', '/api/customers/101', 200, '{"notes":"status signed"}'),
      ('2026-11-02', 'me', 'PATCH', '/api/customers/101', 400, '{"status":"signed"}'),
      ('2026-09-05', 'me', 'PATCH', '/api/customers/103', 200, '{"status":"signed"}'),
      ('2026-10-05', 'me', 'PATCH', '/api/customers/102', 200, '{"stage":"land_won"}')`);
    await p.query(`insert into parcels (customer_id, status, created_at, updated_at) values
      (104, 'dealt', '2026-11-20', 'u'), (104, 'listed', '2026-11-01', 'u'), (104, 'dealt', '2026-11-21', 'u')`);
    await migratePg(p);
    const rows = await p.query('select id, signed_at, land_won_at from customers where id > 100 order by id');
    expect(rows.rows).toEqual([
      { id: 101, signed_at: '2026-10-01', land_won_at: null },
      { id: 102, signed_at: null, land_won_at: '2026-10-05' },
      { id: 103, signed_at: null, land_won_at: null },
      { id: 104, signed_at: null, land_won_at: '2026-11-20' },
      { id: 111, signed_at: null, land_won_at: null },
    ]);
  });

  it('cancel the standing appointment of files lost before them, as of the loss; the one it replaced stays', async () => {
    const p = await leftBefore('0015');
    await p.query(`update customers set status = 'lost', lost_at = '2026-11-02T02:00:00.000Z'`);
    await p.query(`insert into interactions (customer_id, kind, at, appointment, idempotency_key, created_at)
      select id, 'call', v.at, v.appointment, v.k, 'c' from customers, (values
        ('2026-10-01T02:00:00.000Z', '2026-10-08T02:00:00.000Z', 'replaced'),
        ('2026-10-20T02:00:00.000Z', '2026-11-10T02:00:00.000Z', 'standing')) v(at, appointment, k)`);
    await migratePg(p);
    const rows = await p.query('select idempotency_key, appointment_cancelled_at from interactions order by id');
    expect(rows.rows).toEqual([
      { idempotency_key: 'replaced', appointment_cancelled_at: null },
      { idempotency_key: 'standing', appointment_cancelled_at: '2026-11-02T02:00:00.000Z' },
    ]);
  });
});
