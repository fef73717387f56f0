import { join } from 'node:path';
import pg from 'pg';
import { openDb } from './db/client.ts';
import { pgDb } from './db/pg/client.ts';
import { pgServer } from './db/pg/test-db.ts';
import { pgUrl, withAdmin } from './db/pg/test-server.ts';
import type { AppDeps } from './deps.ts';
import type { Viewer } from './services/visibility.ts';
import { pgStore } from './store/pg/store.ts';
import { pgPairedOrigins, pgTokenAuthenticator } from './store/pg/team.ts';
import { sqliteStore } from './store/sqlite/store.ts';
import { sqlitePairedOrigins, sqliteTokenAuthenticator } from './store/sqlite/team.ts';

/** The engine the API tests run on: SQLite, or PostgreSQL in the vitest project that sets DOSSIER_TEST_ENGINE=pg. */
export const TEST_ENGINE: 'sqlite' | 'pg' = process.env.DOSSIER_TEST_ENGINE === 'pg' ? 'pg' : 'sqlite';

/** What a test app needs of its engine. */
export interface TestEngine {
  deps: Pick<AppDeps, 'store' | 'authenticate' | 'pairedOrigins'>;
  /** Adds a user and answers its id at once (tests add users synchronously). */
  addUser(name: string, role: Viewer['role'], tokenHash: string, createdAt: string): number;
  /**
   * A statement run straight on the database, for tests that look inside it: `?` placeholders
   * on either engine; the rows as the driver gives them (PostgreSQL: booleans, parsed JSON).
   */
  query(text: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  /** Every table of the schema (not migrations' bookkeeping, not the search index), by name. */
  tables(): Promise<string[]>;
  /** The SQLite database, for the tests that still look inside it; undefined on PostgreSQL. */
  db: ReturnType<typeof openDb> | undefined;
  close(): Promise<void>;
}

export function sqliteTestEngine(dir: string): TestEngine {
  const db = openDb(join(dir, 'dossier.sqlite'));
  const insert = db.$client.prepare<[string, string, string, string], { id: number }>(
    'insert into users (name, role, token_hash, created_at) values (?, ?, ?, ?) returning id',
  );
  return {
    deps: {
      store: sqliteStore(db),
      authenticate: sqliteTokenAuthenticator(db),
      pairedOrigins: sqlitePairedOrigins(db),
    },
    addUser: (name, role, tokenHash, createdAt) => (insert.get(name, role, tokenHash, createdAt) as { id: number }).id,
    query: async (text, params) => {
      const stmt = db.$client.prepare(text);
      if (stmt.reader) return stmt.all(...params) as Record<string, unknown>[];
      stmt.run(...params);
      return [];
    },
    tables: async () =>
      (
        db.$client
          .prepare(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'customer_search%' and name <> '__drizzle_migrations' order by name",
          )
          .all() as { name: string }[]
      ).map((r) => r.name),
    db,
    // Left open: a test may keep using its app after its own last await; the file goes with its folder.
    close: async () => {},
  };
}

/**
 * A pool whose every query waits for `ready` first: the test's database is created (a copy of
 * the migrated template) and its users inserted while the test goes on synchronously, and the
 * first statement the app sends waits for them. Still a pg.Pool, as drizzle checks.
 */
class WaitingPool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly ready: () => Promise<unknown>,
  ) {
    super(config);
  }
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads; drizzle uses the promise forms
  override connect(...args: any[]): any {
    return this.ready().then(() => (super.connect as (...a: unknown[]) => unknown).apply(this, args));
  }
  // biome-ignore lint/suspicious/noExplicitAny: as above
  override query(...args: any[]): any {
    return this.ready().then(() => (super.query as (...a: unknown[]) => unknown).apply(this, args));
  }
}

let made = 0;

export function pgTestEngine(): TestEngine {
  const server = pgServer;
  if (!server) throw new Error('DOSSIER_TEST_ENGINE=pg needs the test PostgreSQL (src/db/pg/global-setup.ts)');
  const name = `app_${process.pid}_${++made}`;
  const url = pgUrl(server, name);
  let ready: Promise<unknown> = withAdmin(server, (c) =>
    c.query(`create database ${name} template ${server.template}`),
  );
  // Set-up statements go on their own connection, which does not wait for itself.
  const setup = new pg.Pool({ connectionString: url, max: 1 });
  const pool = new WaitingPool({ connectionString: url, max: 4 }, () => ready);
  // The database is dropped WITH (FORCE) after the test: a connection still open then is ended
  // by the server, which each pool reports as an 'error' event, expected here.
  for (const p of [pool, setup]) p.on('error', () => {});
  const db = pgDb(pool);
  // The owner is 1, as on SQLite; users added by the test later take ids of their own range, so
  // they never meet the ids the app gives the users it creates (the sequence goes on from 1).
  let nextId = 0;
  return {
    deps: { store: pgStore(db), authenticate: pgTokenAuthenticator(db), pairedOrigins: pgPairedOrigins(db) },
    addUser(userName, role, tokenHash, createdAt) {
      const id = nextId === 0 ? ++nextId : 1000 + ++nextId;
      ready = ready.then(async () => {
        await setup.query('insert into users (id, name, role, token_hash, created_at) values ($1, $2, $3, $4, $5)', [
          id,
          userName,
          role,
          tokenHash,
          createdAt,
        ]);
        if (id === 1) await setup.query("select setval(pg_get_serial_sequence('users', 'id'), 1)");
      });
      return id;
    },
    query: async (text, params) => {
      await ready;
      let n = 0;
      return (
        await setup.query(
          text.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows;
    },
    tables: async () => {
      await ready;
      const rows = await setup.query<{ name: string }>(
        "select table_name as name from information_schema.tables where table_schema = 'public' and table_name <> 'customer_search' order by table_name",
      );
      return rows.rows.map((r) => r.name);
    },
    db: undefined,
    close: async () => {
      await ready.catch(() => {});
      await Promise.all([pool.end(), setup.end()]);
      await withAdmin(server, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
