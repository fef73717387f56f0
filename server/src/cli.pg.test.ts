import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, pgServer, type TestDatabase } from './db/pg/test-db.ts';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** The CLI as a user runs it (`pnpm dossier …`), in its own process. */
function dossier(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: join(import.meta.dirname, '..'),
    encoding: 'utf8',
    env: { ...process.env, DOSSIER_DATABASE_URL: '', INIT_CWD: '' },
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

// Each command is a process of its own, started through tsx: seconds each on a busy machine.
describe.skipIf(!pgServer)('the command line against a team database', { timeout: 180_000 }, () => {
  it('adds a member there and pushes a local file into it as theirs, once', async () => {
    const team: TestDatabase = await createTestDatabase();
    cleanup.push(team.drop);
    const local = mkdtempSync(join(tmpdir(), 'dossier-cli-push-'));
    expect(dossier('demo', '--data-dir', local)).toMatchObject({ status: 0 });
    const added = dossier('user', 'add', 'li', '--role', 'member', '--database', team.url);
    expect(added).toMatchObject({
      status: 0,
      out: expect.stringMatching(/Added li \(member\)\. Token, shown once: dsr_/),
    });
    const first = dossier('push', '--to', team.url, '--as', 'li', '--data-dir', local);
    expect(first).toMatchObject({
      status: 0,
      out: expect.stringMatching(/^Pushed to the team server as li: \d+ customers/),
    });
    const again = dossier('push', '--to', team.url, '--as', 'li', '--data-dir', local);
    expect(again).toMatchObject({ status: 0, out: expect.stringMatching(/^Nothing new to push/) });
    // The team database now holds li's files: the export as a manager lists them.
    const exported = dossier('export', '--format', 'csv', '--out', '-', '--database', team.url);
    expect(exported.status).toBe(0);
    expect(exported.out.split('\n').length).toBeGreaterThan(5);
  });

  it('refuses a push as someone the team server does not know, and local-file commands on it', async () => {
    const team = await createTestDatabase();
    cleanup.push(team.drop);
    const local = mkdtempSync(join(tmpdir(), 'dossier-cli-push-'));
    const unknown = dossier('push', '--to', team.url, '--as', 'nobody', '--data-dir', local);
    expect(unknown).toMatchObject({ status: 1, err: expect.stringMatching(/no user "nobody" on the team server/) });
    const backup = dossier('backup', '--database', team.url);
    expect(backup).toMatchObject({ status: 1, err: expect.stringMatching(/pg_dump/) });
  });
});
