import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { refreshListedNames } from '../../store/pg/name-forms.ts';
import * as schema from '../schema.pg.ts';
import { assertHandlesChinese } from './locale.ts';
import { migratePg } from './migrate.ts';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/**
 * A pool on the database at `url`. Nothing is set per connection (no SET, no session advisory
 * lock, no named statements: drizzle sends unnamed ones unless asked to .prepare), so the URL may
 * point at PgBouncer in transaction mode; settings belong in the URL's startup `options`.
 */
export function pgPool(url: string, options: { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection that breaks (the server restarting) is reported on the pool, and an
  // 'error' event without a listener would end the process; the pool replaces the connection.
  pool.on('error', (err) => console.error(`dossier: a PostgreSQL connection failed: ${err.message}`));
  // The pool listens on idle connections only: one that breaks while checked out (the server
  // restarting mid-transaction) would otherwise end the process with an unhandled 'error'. Its
  // query fails and the request answers 500; the pool drops the broken connection.
  pool.on('connect', (client) => {
    client.on('error', (err) => console.error(`dossier: a PostgreSQL connection failed: ${err.message}`));
  });
  return pool;
}

export function pgDb(pool: pg.Pool): PgDb {
  return drizzle({ client: pool, schema });
}

/**
 * Opens the database at `url`: refuses one that cannot search Chinese, applies pending
 * migrations (several processes may do this at once), checks again with pg_trgm in place
 * when the first check could only read the locale's name, and refreshes the names a migration
 * listed (store/pg/name-forms.ts).
 */
export async function openPgDb(url: string, options: { max?: number } = {}): Promise<PgDb> {
  const pool = pgPool(url, options);
  try {
    const first = await assertHandlesChinese(pool);
    await migratePg(pool);
    if (!first.probed) await assertHandlesChinese(pool);
    // Before anyone reads them: names a migration listed get the forms this version matches by.
    await refreshListedNames(pgDb(pool));
  } catch (e) {
    await pool.end();
    throw e;
  }
  return pgDb(pool);
}
