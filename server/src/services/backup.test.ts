import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../db/client.ts';
import { restore, verifyDatabaseFile as verify } from '../store/sqlite/backups.ts';
import { sqliteStore } from '../store/sqlite/store.ts';
import { backupNow, listBackups } from './backup.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'dossier-backup-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const count = (file: string) => {
  const db = openDb(file);
  const n = (db.$client.prepare('select count(*) n from settings').get() as { n: number }).n;
  db.$client.close();
  return n;
};

describe('backups', () => {
  it('takes an online backup that restores into an intact database', async () => {
    const dir = tmp();
    const db = openDb(join(dir, 'dossier.sqlite'));
    db.$client.prepare("insert into settings (key, value) values ('a', '1')").run();
    const file = await backupNow(sqliteStore(db), dir, new Date('2026-11-23T02:00:00Z'));
    expect(file).toMatch(/dossier-20261123-020000\.sqlite$/);
    // Changes after the backup are not in it, and a restore brings the earlier state back.
    db.$client.prepare("insert into settings (key, value) values ('b', '2')").run();
    db.$client.close();
    expect(count(join(dir, 'dossier.sqlite'))).toBe(2);
    const r = restore(dir, file, new Date('2026-11-23T03:00:00Z'));
    expect(r.previous).toMatch(/before-restore-20261123-030000$/);
    expect(count(join(dir, 'dossier.sqlite'))).toBe(1);
    expect(count(r.previous as string)).toBe(2);
  });

  it('keeps only the newest backups', async () => {
    const dir = tmp();
    const db = openDb(join(dir, 'dossier.sqlite'));
    for (let day = 1; day <= 5; day++) await backupNow(sqliteStore(db), dir, new Date(`2026-11-0${day}T02:00:00Z`), 3);
    db.$client.close();
    expect(listBackups(dir).map((b) => basename(b.file))).toEqual([
      'dossier-20261103-020000.sqlite',
      'dossier-20261104-020000.sqlite',
      'dossier-20261105-020000.sqlite',
    ]);
  });

  it('refuses to restore a file that is not a healthy Dossier database', () => {
    const dir = tmp();
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database');
    expect(() => verify(junk)).toThrow();
    expect(() => restore(dir, junk, new Date())).toThrow();
  });
});
