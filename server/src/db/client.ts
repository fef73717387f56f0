import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Placeholder } from 'drizzle-orm';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * server/drizzle, found upwards from this module: it is server/src/db in the sources and
 * server/dist once bundled (scripts/bundle.mjs).
 */
const migrationsFolder = (() => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'drizzle');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error('the migrations folder (server/drizzle) is missing');
  }
})();

/**
 * Opens (creating if needed) the SQLite file and applies pending migrations.
 * WAL lets the board read while a call is being logged. synchronous=FULL: in WAL mode NORMAL
 * survives a process crash but may drop the last commits on power loss; a logged call that was
 * acknowledged must never vanish, and the fsync per commit costs far less than a user's click.
 */
export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Reads come from the OS page cache without a read() per page (measured: search p95 −40%).
  sqlite.pragma('mmap_size = 1073741824');
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder });
  return db;
}

/** The hashes of the migrations this version ships: a database that applied others is not ours to open. */
export function knownMigrations(): Set<string> {
  return new Set(readMigrationFiles({ migrationsFolder }).map((m) => m.hash));
}

/** One set of prepared statements per connection, built on first use. */
export function preparedFor<T>(build: (client: Database.Database) => T): (db: Db) => T {
  const cache = new WeakMap<Database.Database, T>();
  return (db) => {
    const client = db.$client;
    let s = cache.get(client);
    if (!s) {
      s = build(client);
      cache.set(client, s);
    }
    return s;
  };
}

/**
 * The same for statements written with drizzle's query builder: built once per connection on a
 * drizzle handle of that connection, so they run inside its transactions too.
 */
export function preparedOn<T>(build: (db: Db) => T): (db: Db) => T {
  return preparedFor((client) => build(drizzle(client, { schema }) as Db));
}

/**
 * A query written with drizzle (one way of writing SQL, the schema's names) run as a raw
 * better-sqlite3 statement: for the hottest lookups, where drizzle's per-call work (filling
 * placeholders, mapping every row) costs as much as SQLite does. Rows come back with the SQL
 * column names (JSON as text, booleans as 0/1: store/sqlite/rows.ts decodes them); placeholders
 * are bound by name at each run, the query's constants (a LIMIT) as they were written.
 */
export function rawStatement<Row>(
  client: Database.Database,
  query: { toSQL(): { sql: string; params: unknown[] } },
): { get(values: Record<string, unknown>): Row | undefined; all(values: Record<string, unknown>): Row[] } {
  const built = query.toSQL();
  let { sql } = built;
  const params = [...built.params];
  // drizzle binds a LIMIT, and SQLite runs a bound LIMIT slower (measured on the card's last
  // three contacts: 28 µs bound, 13.5 µs written out): a constant one is written into the statement.
  const limit = params.at(-1);
  if (/ limit \?$/.test(sql) && Number.isInteger(limit)) {
    sql = `${sql.slice(0, -1)}${limit}`;
    params.pop();
  }
  const stmt = client.prepare(sql);
  const bind = params.map((p) => (p instanceof Placeholder ? (v: Record<string, unknown>) => v[p.name] : () => p));
  const args = (values: Record<string, unknown>) => bind.map((b) => b(values));
  return {
    get: (values) => stmt.get(...args(values)) as Row | undefined,
    all: (values) => stmt.all(...args(values)) as Row[],
  };
}
