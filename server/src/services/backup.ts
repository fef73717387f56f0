import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { type Db, knownMigrations } from '../db/client.ts';
import { lockDataDir } from './data-dir.ts';

export const backupDir = (dataDir: string) => join(dataDir, 'backups');
const NAME = /^dossier-(\d{8})-(\d{6})\.sqlite$/;
const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** Partial files of a backup that did not finish (a crash, a full disk): never a backup. */
function removePartials(dir: string): void {
  for (const f of readdirSync(dir)) if (f.endsWith('.partial')) rmSync(join(dir, f), { force: true });
}

/** Online backup (SQLite's backup API): consistent even while the server keeps writing. */
export async function backupNow(db: Db, dataDir: string, now: Date, keep = 14): Promise<string> {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  removePartials(dir);
  const file = join(dir, `dossier-${stamp(now)}.sqlite`);
  const tmp = `${file}.partial`;
  try {
    await db.$client.backup(tmp);
    chmodSync(tmp, 0o600);
    verify(tmp);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  renameSync(tmp, file);
  prune(dir, keep);
  return file;
}

/** Keeps the newest `keep` backups. */
export function prune(dir: string, keep: number): string[] {
  const files = readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .reverse();
  const gone = files.slice(keep);
  for (const f of gone) rmSync(join(dir, f));
  return gone;
}

export function listBackups(dataDir: string): { file: string; bytes: number }[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .map((f) => ({ file: join(dir, f), bytes: statSync(join(dir, f)).size }));
}

export function latestBackupDay(dataDir: string): string | null {
  const last = listBackups(dataDir).at(-1);
  return last ? (NAME.exec(basename(last.file))?.[1] ?? null) : null;
}

/**
 * Throws unless the file is a healthy SQLite database of Dossier: integrity_check passes and its
 * migrations are ones this version knows (a bare `customers` table, or a file from a newer
 * version, would leave a server that cannot start).
 */
export function verify(file: string): void {
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
 * Replaces the database with a backup (the server must be stopped). The current file is kept
 * beside it as `dossier.sqlite.before-restore-<time>` so a wrong restore can be undone.
 */
export function restore(dataDir: string, from: string, now: Date): { restored: string; previous: string | null } {
  const release = lockDataDir(dataDir);
  try {
    return restoreLocked(dataDir, from, now);
  } finally {
    release();
  }
}

function restoreLocked(dataDir: string, from: string, now: Date): { restored: string; previous: string | null } {
  verify(from);
  const target = join(dataDir, 'dossier.sqlite');
  let previous: string | null = null;
  if (existsSync(target)) {
    // Fold the WAL into the main file first so the kept copy is complete.
    const cur = new Database(target);
    cur.pragma('wal_checkpoint(TRUNCATE)');
    cur.close();
    previous = `${target}.before-restore-${stamp(now)}`;
    copyFileSync(target, previous);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  copyFileSync(from, `${target}.restoring`);
  renameSync(`${target}.restoring`, target);
  verify(target);
  return { restored: target, previous };
}
