import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../index.ts';
import { restore } from '../store/sqlite/backups.ts';
import { backupNow, latestBackupDay, listBackups } from './backup.ts';
import { lockFile } from './data-dir.ts';
import { rotateOwnerToken } from './tokens.ts';

const dirs: string[] = [];
const servers: RunningServer[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'dossier-dir-'));
  dirs.push(d);
  return d;
};
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const start = async (dataDir: string) => {
  const s = await startServer({ dataDir, port: 0, keepBackups: 0 });
  servers.push(s);
  return s;
};
const mode = (p: string) => statSync(p).mode & 0o777;

describe('the data folder', () => {
  it('is the owner’s alone: folder 0700, every file 0600, closed again at start and on token rotate', async () => {
    const dir = join(tmp(), 'data');
    mkdirSync(join(dir, 'backups'), { recursive: true, mode: 0o755 });
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'token'), 'old\n', { mode: 0o644 });
    writeFileSync(join(dir, 'backups', 'old.sqlite'), '', { mode: 0o644 });
    const s = await start(dir);
    await backupNow(s.deps.store, dir, new Date());
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'backups'))).toBe(0o700);
    for (const f of ['dossier.sqlite', 'dossier.sqlite-wal', 'token', join('backups', 'old.sqlite')])
      expect([f, mode(join(dir, f))]).toEqual([f, 0o600]);
    chmodSync(join(dir, 'token'), 0o644);
    await rotateOwnerToken(s.deps.store, dir, new Date());
    expect(mode(join(dir, 'token'))).toBe(0o600);
  });

  it("takes the day's backup shortly after a start, not while the first lookups are answered", async () => {
    const dir = tmp();
    const s = await startServer({ dataDir: dir, port: 0, keepBackups: 14, firstBackupAfterMs: 300 });
    servers.push(s);
    expect(listBackups(dir)).toEqual([]);
    for (let waited = 0; !listBackups(dir).length && waited < 10_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    expect(listBackups(dir)).toHaveLength(1);
    expect(latestBackupDay(dir)).toBe(new Date().toISOString().slice(0, 10).replaceAll('-', ''));
  });

  it('closes while a browser holds a socket it sent no request on (a preconnect)', async () => {
    const s = await startServer({ dataDir: tmp(), port: 0, keepBackups: 0 });
    const silent = connect(s.port, '127.0.0.1');
    await new Promise((r) => silent.once('connect', r));
    const closed = s.close().then(() => 'closed');
    // Before the fix node held the socket until its headers timed out (60–90 s).
    const late = new Promise((r) => setTimeout(() => r('still open'), 8_000));
    expect(await Promise.race([closed, late])).toBe('closed');
    silent.destroy();
  }, 15_000);

  it('takes one server: a second start and a restore while it runs are refused with a clear message', async () => {
    const dir = tmp();
    const s = await start(dir);
    const backup = await backupNow(s.deps.store, dir, new Date());
    await expect(start(dir)).rejects.toThrow(/another Dossier server \(pid \d+\) is using/);
    expect(() => restore(dir, backup, new Date())).toThrow(/another Dossier server/);
    await s.close();
    servers.splice(servers.indexOf(s), 1);
    expect(existsSync(lockFile(dir))).toBe(false);
    // Stopped, the folder can be restored and started again; a lock left by a crash is stale.
    expect(restore(dir, backup, new Date()).restored).toMatch(/dossier\.sqlite$/);
    writeFileSync(lockFile(dir), '999999999');
    await start(dir);
  });

  it('refuses to restore a file that is not a Dossier database it can open', async () => {
    const dir = tmp();
    const bare = join(dir, 'bare.sqlite');
    const db = new Database(bare);
    db.exec('create table customers (id integer primary key)');
    db.close();
    expect(() => restore(dir, bare, new Date())).toThrow(/not a Dossier database/);
    expect(existsSync(join(dir, 'dossier.sqlite'))).toBe(false);
  });

  it('clears partial files left by a backup that did not finish', async () => {
    const dir = tmp();
    const s = await start(dir);
    mkdirSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'backups', 'dossier-20260101-000000.sqlite.partial'), 'half');
    await backupNow(s.deps.store, dir, new Date());
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
