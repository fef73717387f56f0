import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * Customer files are business secrets: the data folder is the owner's alone (0700) and so is
 * every file in it (0600) — database, WAL, token, backups. Applied at every start, so a folder
 * made by an older version, or a file copied in, is closed again.
 */
export function secureDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const walk = (d: string) => {
    chmodSync(d, 0o700);
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else if (s.isFile()) chmodSync(p, 0o600);
    }
  };
  walk(dir);
}

export const lockFile = (dir: string) => join(dir, 'dossier.lock');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid of the live server holding the folder, or null (a lock left by a crash is stale). */
export function lockHolder(dir: string): number | null {
  const file = lockFile(dir);
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

export class DataDirLocked extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`another Dossier server (pid ${pid}) is using ${dir}; stop it first`);
  }
}

/**
 * Takes the folder for this process: a second server on the same folder, or a restore while one
 * runs, would lose acknowledged writes. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const file = lockFile(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = lockHolder(dir);
      if (pid !== null) throw new DataDirLocked(dir, pid);
      rmSync(file, { force: true }); // stale: its server is gone
    }
  }
  throw new Error(`could not lock ${dir}`);
}
