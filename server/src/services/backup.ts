import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Store } from '../store/store.ts';

export const backupDir = (dataDir: string) => join(dataDir, 'backups');
const NAME = /^dossier-(\d{8})-(\d{6})\.sqlite$/;
/** A time as it appears in file names (20261123-030000). */
export const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** Partial files of a backup that did not finish (a crash, a full disk): never a backup. */
function removePartials(dir: string): void {
  for (const f of readdirSync(dir)) if (f.endsWith('.partial')) rmSync(join(dir, f), { force: true });
}

/** Online backup: consistent even while the server keeps writing, checked before it counts. */
export async function backupNow(store: Store, dataDir: string, now: Date, keep = 14): Promise<string> {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  removePartials(dir);
  const file = join(dir, `dossier-${stamp(now)}.sqlite`);
  const tmp = `${file}.partial`;
  try {
    await store.backups.snapshot(tmp);
    chmodSync(tmp, 0o600);
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
