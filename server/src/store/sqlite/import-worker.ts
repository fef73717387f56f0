import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../../db/client.ts';
import * as schema from '../../db/schema.ts';
import type { Store } from '../store.ts';
import { sqliteStore } from './store.ts';

const stores = new Map<string, Store>();

/**
 * The store an import's write uses in the parse worker (services/transfer/write-job.ts): its own
 * connection to the database file the request loop uses (`ImportStore.workerTarget`), opened as
 * db/client.ts opens the server's (same pragmas) but without migrating — the server did that
 * before it answered anything. WAL lets the loop keep reading while the worker writes.
 */
export function importWorkerStore(file: string): Store {
  let store = stores.get(file);
  if (!store) {
    const sqlite = new Database(file, { fileMustExist: true });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('mmap_size = 1073741824');
    store = sqliteStore(drizzle(sqlite, { schema }) as Db);
    stores.set(file, store);
  }
  return store;
}
