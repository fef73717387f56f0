import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type pg from 'pg';

/**
 * server/drizzle-pg, found upwards from this module, as db/client.ts finds server/drizzle: from
 * the sources (server/src/db/pg) and from the bundle (server/dist) alike.
 */
export const pgMigrationsFolder = (() => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'drizzle-pg');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error('the migrations folder (server/drizzle-pg) is missing');
  }
})();

/** The key of the advisory lock migrations run under: "doss" in ASCII, one per database. */
export const MIGRATION_LOCK_KEY = 0x646f7373;

/** The hashes of the migrations this version ships. */
export function knownPgMigrations(migrationsFolder = pgMigrationsFolder): Set<string> {
  return new Set(readMigrationFiles({ migrationsFolder }).map((m) => m.hash));
}

/**
 * Applies the pending migrations and answers how many it applied.
 *
 * drizzle's own pg migrator reads the journal outside its transaction and takes no lock, so two
 * app processes starting together could both apply the same migration. Here the whole run is
 * one transaction that first takes pg_advisory_xact_lock: a second process waits for the first
 * to commit, then reads a journal that already lists everything (DDL is transactional). A
 * transaction-level lock ends with the transaction and needs no session of its own, so this
 * works through PgBouncer in transaction mode, where a session lock (pg_advisory_lock) may be
 * taken on one server connection and released on another.
 *
 * The journal is drizzle's own table (drizzle.__drizzle_migrations, same columns, same rule:
 * apply what is newer than the last created_at), so drizzle-kit and drizzle's migrate() read a
 * database migrated here as they would one they had migrated.
 */
export async function migratePg(pool: pg.Pool, migrationsFolder = pgMigrationsFolder): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query('create schema if not exists drizzle');
    await client.query(
      'create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)',
    );
    // bigint arrives as a string from pg.
    const last = await client.query<{ created_at: string }>(
      'select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1',
    );
    const lastMillis = last.rows[0] ? Number(last.rows[0].created_at) : Number.NEGATIVE_INFINITY;
    let applied = 0;
    for (const m of migrations) {
      if (m.folderMillis <= lastMillis) continue;
      for (const statement of m.sql) if (statement.trim()) await client.query(statement);
      await client.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
        m.hash,
        m.folderMillis,
      ]);
      applied++;
    }
    await client.query('commit');
    return applied;
  } catch (e) {
    broken = e instanceof Error ? e : new Error(String(e));
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    // A connection that failed mid-migration is dropped, not handed to the next query.
    client.release(broken);
  }
}
