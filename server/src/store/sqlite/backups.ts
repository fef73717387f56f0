import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { count, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { type Db, knownMigrations } from '../../db/client.ts';
import {
  auditLog,
  captures,
  commitments,
  contactPoints,
  customerKeys,
  customerShares,
  customers,
  focusNotes,
  interactions,
  materials,
  parcels,
  people,
  reclassDecisions,
  settings,
  sheetRemarks,
  tierChanges,
  users,
} from '../../db/schema.ts';
import { stamp } from '../../services/backup.ts';
import { lockDataDir } from '../../services/data-dir.ts';
import type { BackupRow, BackupStore, BackupTable } from '../backups.ts';
import { visible } from './visibility.ts';

/** Each backed-up table by its name in a backup (push.ts writes the same tables). */
export const TABLES: Record<BackupTable, SQLiteTable> = {
  customers,
  customerKeys,
  people,
  contactPoints,
  interactions,
  commitments,
  tierChanges,
  parcels,
  captures,
  reclassDecisions,
  sheetRemarks,
  materials,
  customerShares,
  focusNotes,
  auditLog,
};

const column = (table: BackupTable, field: string): SQLiteColumn => {
  const c = (getTableColumns(TABLES[table]) as Record<string, SQLiteColumn>)[field];
  if (!c) throw new Error(`${table} has no field ${field}`);
  return c;
};

/**
 * Throws unless the file is a healthy SQLite database of Dossier: integrity_check passes and its
 * migrations are ones this version knows (a bare `customers` table, or a file from a newer
 * version, would leave a server that cannot start).
 */
export function verifyDatabaseFile(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`integrity_check failed for ${file}: ${String(ok)}`);
    const migrations = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
      .get()
      ? (db.prepare('select hash from __drizzle_migrations order by id').all() as { hash: string }[])
      : [];
    const known = knownMigrations();
    if (!migrations.length || migrations.some((m) => !known.has(m.hash))) {
      throw new Error(`${file} is not a Dossier database this version can open`);
    }
  } finally {
    db.close();
  }
}

/**
 * Puts the copy `from` in place of the database file `target` (no server may have it open),
 * keeping the current one as `keep` when there is one. Both are checked first and after.
 */
export function replaceDatabaseFile(target: string, from: string, keep: string): string | null {
  verifyDatabaseFile(from);
  let previous: string | null = null;
  if (existsSync(target)) {
    // Fold the WAL into the main file first so the kept copy is complete.
    const cur = new Database(target);
    cur.pragma('wal_checkpoint(TRUNCATE)');
    cur.close();
    previous = keep;
    copyFileSync(target, previous);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  copyFileSync(from, `${target}.restoring`);
  renameSync(`${target}.restoring`, target);
  verifyDatabaseFile(target);
  return previous;
}

export function sqliteBackups(db: Db): BackupStore {
  return {
    async visibleIds(viewer) {
      return db
        .select({ id: customers.id })
        .from(customers)
        .where(visible(viewer))
        .all()
        .map((r) => r.id);
    },
    async users(only) {
      return db
        .select({
          id: users.id,
          name: users.name,
          role: users.role,
          createdAt: users.createdAt,
          revokedAt: users.revokedAt,
        })
        .from(users)
        .where(only === undefined ? sql`1 = 1` : eq(users.id, only))
        .orderBy(users.id)
        .all();
    },
    async settings() {
      return db.select().from(settings).orderBy(settings.key).all();
    },
    async rows(table, cut) {
      let where: SQL | undefined;
      if (cut) where = 'in' in cut ? inArray(column(table, cut.field), cut.in) : eq(column(table, cut.field), cut.is);
      return db.select().from(TABLES[table]).where(where).all() as BackupRow[];
    },
    async hasCustomers() {
      return (db.select({ n: count() }).from(customers).get()?.n ?? 0) > 0;
    },
    async userByName(name) {
      return db.select({ id: users.id }).from(users).where(eq(users.name, name)).get()?.id;
    },
    async userExists(id) {
      return db.select({ id: users.id }).from(users).where(eq(users.id, id)).get() !== undefined;
    },
    async addUser(u) {
      return db
        .insert(users)
        .values({ ...u, tokenHash: null })
        .returning({ id: users.id })
        .get().id;
    },
    async putSetting(key, value) {
      db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    },
    async insertRows(table, rows) {
      db.insert(TABLES[table])
        .values(rows as never)
        .run();
    },
    async snapshot(file) {
      // SQLite's online backup: consistent even while the server keeps writing.
      await db.$client.backup(file);
      verifyDatabaseFile(file);
    },
  };
}

/**
 * Replaces the database with a backup file (the server must be stopped: the data directory's
 * lock says whether one runs). The current file is kept beside it as
 * `dossier.sqlite.before-restore-<time>` so a wrong restore can be undone.
 */
export function restore(dataDir: string, from: string, now: Date): { restored: string; previous: string | null } {
  const release = lockDataDir(dataDir);
  try {
    const target = join(dataDir, 'dossier.sqlite');
    const previous = replaceDatabaseFile(target, from, `${target}.before-restore-${stamp(now)}`);
    return { restored: target, previous };
  } finally {
    release();
  }
}
