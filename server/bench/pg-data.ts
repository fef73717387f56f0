import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { openPgDb } from '../src/db/pg/client.ts';
import { withClient } from '../src/db/pg/test-server.ts';
import { nameBigramList, pgSearchRow } from '../src/store/pg/search.ts';
import { ensureDataSet } from './generate.ts';
import { log } from './lib.ts';
import { type Cluster, initCluster, startCluster } from './pg-cluster.ts';

/**
 * The same 100,000-customer data set as the SQLite benches, in PostgreSQL: copied table by table
 * from the cached SQLite file (ensureDataSet), the search table filled with the PG store's own
 * row builder (pgSearchRow), then VACUUM (FREEZE, ANALYZE). The loaded cluster is cached in the
 * OS temp dir like the SQLite file, keyed by that file's name (itself a hash of the generator and
 * migrations), the PostgreSQL migrations and the sources that decide the rows; each run measures
 * a database copied from the cached one (CREATE DATABASE … TEMPLATE), so writes never reach the cache.
 */

const here = dirname(fileURLToPath(import.meta.url));
const TEMPLATE = 'dossier_bench';
const BATCH = 5000;

/** Bump when the copy below changes what lands in the database. */
const LOAD_VERSION = '1';

/**
 * Keyed by the SQLite file's name, the PostgreSQL migrations and the code of the search-row
 * builders (not their whole files: a change to how search *queries* leaves the rows alone).
 */
export function cacheDir(sqliteFile: string): string {
  const h = createHash('sha256').update(`${LOAD_VERSION} ${basename(sqliteFile)}`);
  const pgMigrations = join(here, '../drizzle-pg');
  for (const f of readdirSync(pgMigrations).sort())
    if (f.endsWith('.sql')) h.update(readFileSync(join(pgMigrations, f)));
  for (const fn of [pgSearchRow, nameBigramList]) h.update(fn.toString());
  h.update(readFileSync(join(here, '../src/store/search-text.ts')));
  return join(tmpdir(), `dossier-bench-pg-v1-${h.digest('hex').slice(0, 12)}`);
}

/** unnest() array type of each PostgreSQL column type the copied tables use. */
const ARRAY_TYPE: Record<string, string> = {
  integer: 'int[]',
  text: 'text[]',
  boolean: 'bool[]',
  jsonb: 'text[]', // sent as SQLite's JSON text, cast per element
  'double precision': 'float8[]',
};

/** One SQLite table into its PostgreSQL twin: the columns both have, BATCH rows per statement. */
async function copyTable(src: Database.Database, client: pg.Client, table: string): Promise<number> {
  const pgCols = (
    await client.query<{ column_name: string; data_type: string }>(
      `select column_name, data_type from information_schema.columns where table_schema = 'public' and table_name = $1`,
      [table],
    )
  ).rows;
  const sqliteCols = new Set((src.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name));
  const cols = pgCols.filter((c) => sqliteCols.has(c.column_name));
  for (const c of cols)
    if (!ARRAY_TYPE[c.data_type]) throw new Error(`${table}.${c.column_name}: no copy for type ${c.data_type}`);
  const names = cols.map((c) => `"${c.column_name}"`).join(', ');
  const insert = `insert into "${table}" (${names}) select ${cols
    .map((c) => `u."${c.column_name}"${c.data_type === 'jsonb' ? '::jsonb' : ''}`)
    .join(', ')} from unnest(${cols.map((c, i) => `$${i + 1}::${ARRAY_TYPE[c.data_type]}`).join(', ')}) as u(${names})`;
  const read = src.prepare(`select ${names} from "${table}" order by rowid`).raw();
  const flush = async (rows: unknown[][]) => {
    const columns = cols.map((c, i) =>
      rows.map((r) => (c.data_type === 'boolean' && r[i] !== null ? r[i] !== 0 : r[i])),
    );
    await client.query(insert, columns);
  };
  let batch: unknown[][] = [];
  let n = 0;
  for (const row of read.iterate() as Iterable<unknown[]>) {
    batch.push(row);
    if (batch.length === BATCH) {
      await flush(batch);
      n += batch.length;
      batch = [];
    }
  }
  if (batch.length) await flush(batch);
  n += batch.length;
  // Identity columns go on after the copied ids, as a restore moves them.
  if (cols.some((c) => c.column_name === 'id'))
    await client.query(
      `select setval(pg_get_serial_sequence('"${table}"', 'id'), coalesce(max(id), 0) + 1, false) from "${table}"`,
    );
  return n;
}

/** customer_search as the PG store writes it: pgSearchRow over each live file, its live people and its keys. */
async function fillSearch(src: Database.Database, client: pg.Client): Promise<number> {
  const group = <T extends { customer_id: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) m.set(r.customer_id, [...(m.get(r.customer_id) ?? []), r]);
    return m;
  };
  // The orders reindexMany (store/pg/imports.ts) reads them in.
  const peopleOf = group(
    src
      .prepare(`select customer_id, name, mobile, direct_line as directLine, email from people
        where deleted_at is null order by customer_id, id`)
      .all() as {
      customer_id: number;
      name: string;
      mobile: string | null;
      directLine: string | null;
      email: string | null;
    }[],
  );
  const keysOf = group(
    src.prepare('select customer_id, kind, value from customer_keys order by customer_id, id').all() as {
      customer_id: number;
      kind: string;
      value: string;
    }[],
  );
  const files = src
    .prepare(`select id, name, initials, pinyin, phones, emails, website from customers
      where deleted_at is null order by id`)
    .all() as {
    id: number;
    name: string;
    initials: string;
    pinyin: string;
    phones: string;
    emails: string;
    website: string | null;
  }[];
  const cols = ['customer_id', 'name', 'initials', 'pinyin', 'phones', 'domains', 'emails', 'customer_name', 'bigrams'];
  // bigrams travel as JSON text: no hand-made array literals.
  const insert = `insert into customer_search (${cols.join(', ')})
    select u.customer_id, u.name, u.initials, u.pinyin, u.phones, u.domains, u.emails, u.customer_name,
      array(select jsonb_array_elements_text(u.bigrams::jsonb))
    from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
      as u(${cols.join(', ')})`;
  for (let i = 0; i < files.length; i += BATCH) {
    const rows = files.slice(i, i + BATCH).map((c) => {
      const r = pgSearchRow(
        { ...c, phones: JSON.parse(c.phones), emails: JSON.parse(c.emails) },
        peopleOf.get(c.id) ?? [],
        keysOf.get(c.id) ?? [],
      );
      return [
        c.id,
        r.name,
        r.initials,
        r.pinyin,
        r.phones,
        r.domains,
        r.emails,
        r.customerName,
        JSON.stringify(r.bigrams ?? []),
      ];
    });
    await client.query(
      insert,
      cols.map((_, k) => rows.map((r) => r[k])),
    );
  }
  return files.length;
}

async function load(dir: string, sqliteFile: string): Promise<void> {
  initCluster(dir);
  const cluster = await startCluster(dir, 'bulk');
  try {
    await withClient(cluster.url('postgres'), (c) => c.query(`create database ${TEMPLATE}`));
    const db = await openPgDb(cluster.url(TEMPLATE)); // the real migrations
    await db.$client.end();
    const src = new Database(sqliteFile, { readonly: true });
    await withClient(cluster.url(TEMPLATE), async (client) => {
      // No foreign-key triggers while copying: the tables arrive in any order, and the source is consistent.
      await client.query(`set session_replication_role = replica`);
      // Indexes built once over the loaded rows, not row by row (the GIN indexes, without a
      // pending list, would take most of ten minutes): dropped here, recreated from their own
      // definitions below. Those behind constraints (keys, unique columns) stay.
      const indexes = (
        await client.query<{ indexname: string; indexdef: string }>(
          `select indexname, indexdef from pg_indexes i where schemaname = 'public'
            and not exists (select 1 from pg_constraint c where c.conindid = format('%I', i.indexname)::regclass)`,
        )
      ).rows;
      for (const i of indexes) await client.query(`drop index "${i.indexname}"`);
      const tables = (
        await client.query<{ tablename: string }>(
          `select tablename from pg_tables where schemaname = 'public' and tablename <> 'customer_search' order by tablename`,
        )
      ).rows.map((r) => r.tablename);
      const inSqlite = new Set(
        src.prepare(`select name from sqlite_master where type = 'table'`).pluck().all() as string[],
      );
      for (const t of tables) {
        if (!inSqlite.has(t)) continue;
        if (!(src.prepare(`select exists (select 1 from "${t}")`).pluck().get() as number)) continue;
        const t0 = performance.now();
        const n = await copyTable(src, client, t);
        log(`  pg: ${t}: ${n} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      const t0 = performance.now();
      const n = await fillSearch(src, client);
      log(`  pg: customer_search: ${n} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const t1 = performance.now();
      for (const i of indexes) await client.query(i.indexdef);
      log(`  pg: ${indexes.length} indexes built in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
      await client.query('vacuum (freeze, analyze)');
      await client.query('checkpoint');
    });
    src.close();
  } finally {
    await cluster.stop();
  }
}

export interface PgDataSet {
  cluster: Cluster;
  /** postgres://… of this run's private copy of the data set. */
  url: string;
  cached: boolean;
  loadSeconds: number;
  copySeconds: number;
  /** Drops the run's database and stops the cluster. */
  close(): Promise<void>;
}

/**
 * The cluster holding the data set, loaded once (a few minutes) and started with the run's
 * settings, and a fresh database copied from it for this run.
 */
export async function openPgDataSet(): Promise<PgDataSet> {
  const { file } = ensureDataSet();
  const dir = cacheDir(file);
  const ready = join(dir, 'loaded');
  let loadSeconds = 0;
  const cached = existsSync(ready);
  if (!cached) {
    // Older caches are a gigabyte or more each; only the current one is worth keeping.
    for (const f of readdirSync(tmpdir()))
      if (/^dossier-bench-pg-v\d+-[0-9a-f]+/.test(f)) rmSync(join(tmpdir(), f), { recursive: true, force: true });
    const t = performance.now();
    log(`loading the data set into PostgreSQL at ${dir} (once; a few minutes)`);
    const partial = `${dir}.partial`;
    await load(partial, file);
    renameSync(partial, dir);
    writeFileSync(ready, new Date().toISOString());
    loadSeconds = (performance.now() - t) / 1000;
    log(`loaded in ${loadSeconds.toFixed(0)} s`);
  } else log(`PostgreSQL data set cached at ${dir} (delete it to reload)`);
  const cluster = await startCluster(dir, 'run');
  const name = `dossier_run_${process.pid}`;
  const t = performance.now();
  try {
    await withClient(cluster.url('postgres'), async (c) => {
      // Runs that died before dropping theirs: the cluster is ours alone while this one runs.
      const stale = await c.query<{ datname: string }>(
        `select datname from pg_database where datname like 'dossier_run_%'`,
      );
      for (const r of stale.rows) await c.query(`drop database "${r.datname}" with (force)`);
      // FILE_COPY: a file copy and a checkpoint, not every page of a gigabyte through the WAL.
      await c.query(`create database ${name} template ${TEMPLATE} strategy file_copy`);
    });
  } catch (e) {
    await cluster.stop();
    throw e;
  }
  const copySeconds = (performance.now() - t) / 1000;
  log(`database ${name} copied from the cached one in ${copySeconds.toFixed(1)} s`);
  // A copied database starts with nothing in shared_buffers; a team server that has been running
  // has its tables and indexes there. Read them in once, so the first pass over the sampled
  // queries measures the same server as the last (pg_prewarm, from PostgreSQL's contrib).
  const tw = performance.now();
  const warmed = await withClient(cluster.url(name), async (c) => {
    await c.query('create extension if not exists pg_prewarm');
    const r = await c.query<{ pages: string }>(
      `select coalesce(sum(pg_prewarm(c.oid)), 0) as pages from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'i')`,
    );
    return Number(r.rows[0]?.pages ?? 0);
  });
  log(`${warmed} pages read into shared_buffers in ${((performance.now() - tw) / 1000).toFixed(1)} s`);
  return {
    cluster,
    url: cluster.url(name),
    cached,
    loadSeconds,
    copySeconds,
    close: async () => {
      await withClient(cluster.url('postgres'), (c) => c.query(`drop database ${name} with (force)`)).catch(() => {});
      await cluster.stop();
    },
  };
}
