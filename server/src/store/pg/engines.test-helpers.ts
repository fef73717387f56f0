import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '@dossier/shared';
import { type Db, openDb } from '../../db/client.ts';
import { type PgDb, pgDb, pgPool } from '../../db/pg/client.ts';
import { createTestDatabase } from '../../db/pg/test-db.ts';
import type { Viewer } from '../../services/visibility.ts';
import { sqliteStore } from '../sqlite/store.ts';
import type { Store } from '../store.ts';
import { pgStore } from './store.ts';

/** Support for this folder's *.pg.test.ts: the same work done on a SQLite store and a PostgreSQL one. */

export const SETTINGS: Settings = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Shanghai' };
export const T0 = new Date('2026-09-01T02:00:00.000Z');
export const BOSS: Viewer = { id: 1, name: 'boss', role: 'manager' };
export const WANG: Viewer = { id: 2, name: 'wang', role: 'member' };
export const LI: Viewer = { id: 3, name: 'li', role: 'member' };

export interface Engines {
  sqlite: Store;
  pg: Store;
  db: PgDb;
  sqliteDb: Db;
  /** Both, SQLite first: `for (const store of engines.both)`. */
  both: [Store, Store];
  close(): Promise<void>;
}

/** A fresh SQLite file and a fresh PostgreSQL database, each with the users boss, wang and li (ids 1–3). */
export async function engines(options: { poolSize?: number } = {}): Promise<Engines> {
  const sqliteDb = openDb(join(mkdtempSync(join(tmpdir(), 'dossier-pg-parity-')), 'db.sqlite'));
  const sqlite = sqliteStore(sqliteDb);
  const database = await createTestDatabase();
  const pool = pgPool(database.url, { max: options.poolSize ?? 4 });
  const db = pgDb(pool);
  const pg = pgStore(db);
  for (const store of [sqlite, pg]) {
    for (const v of [BOSS, WANG, LI]) {
      await store.team.insertUser({
        name: v.name,
        role: v.role,
        tokenHash: `hash-${v.name}`,
        createdAt: T0.toISOString(),
      });
    }
  }
  return {
    sqlite,
    pg,
    db,
    sqliteDb,
    both: [sqlite, pg],
    async close() {
      sqliteDb.$client.close();
      await pool.end();
      await database.drop();
    },
  };
}

/** Runs `work` on each engine and gives both answers, SQLite's first. */
export async function onBoth<T>(e: Engines, work: (store: Store) => Promise<T>): Promise<[T, T]> {
  return [await work(e.sqlite), await work(e.pg)];
}
