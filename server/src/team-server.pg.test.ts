import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, pgServer, type TestDatabase } from './db/pg/test-db.ts';
import { type RunningTeamServer, startTeamServer } from './team-server.ts';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});
async function database(options: Parameters<typeof createTestDatabase>[0] = {}): Promise<TestDatabase> {
  const db = await createTestDatabase(options);
  cleanup.push(db.drop);
  return db;
}
async function serve(url: string, token?: string): Promise<RunningTeamServer> {
  const s = await startTeamServer({ databaseUrl: url, port: 0, ...(token ? { token } : {}) });
  cleanup.push(() => s.close());
  return s;
}
const call = async (s: RunningTeamServer, token: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(s.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

describe.skipIf(!pgServer)('the team server on PostgreSQL', () => {
  it('migrates an empty database, gives the owner a token once, and answers the API with it', async () => {
    const db = await database({ template: 'template0', ctype: 'C.UTF-8' });
    const first = await serve(db.url);
    expect(first.ownerToken).toMatch(/^dsr_/);
    const token = first.ownerToken as string;
    const made = await call(first, token, 'POST', '/api/customers', {
      name: '徐州华宇地产',
      tier: 'B',
      website: 'https://hy-land.cn',
    });
    expect(made).toMatchObject({ status: 201, json: { name: '徐州华宇地产' } });
    const badge = await call(
      first,
      token,
      'GET',
      `/api/context/badge?url=${encodeURIComponent('https://www.hy-land.cn/')}`,
    );
    expect(badge).toMatchObject({ status: 200, json: { customerId: made.json.id, name: '徐州华宇地产' } });
    // A second process on the same database: no new owner token, the first one still works.
    const second = await serve(db.url);
    expect(second.ownerToken).toBeNull();
    expect((await call(second, token, 'GET', `/api/customers/${made.json.id}`)).status).toBe(200);
    expect((await call(second, 'dsr_not-a-token-0123456789', 'GET', '/api/customers')).status).toBe(401);
  });

  it('starts several processes at once on one empty database (migrations under a lock, one owner)', async () => {
    const db = await database({ template: 'template0', ctype: 'C.UTF-8' });
    const servers = await Promise.all([1, 2, 3].map(() => serve(db.url, 'team-token-0123456789abcdef')));
    for (const s of servers)
      expect((await call(s, 'team-token-0123456789abcdef', 'GET', '/api/health')).status).toBe(200);
    // Without DOSSIER_TOKEN: exactly one of them makes the owner and shows a token, which works on all.
    const fresh = await database({ template: 'template0', ctype: 'C.UTF-8' });
    const first = await Promise.all([1, 2, 3].map(() => serve(fresh.url)));
    const shown = first.map((s) => s.ownerToken).filter((t): t is string => t !== null);
    expect(shown).toHaveLength(1);
    for (const s of first) expect((await call(s, shown[0] as string, 'GET', '/api/customers')).status).toBe(200);
  });

  it('refuses a database that cannot search Chinese, and a remote address not asked for', async () => {
    const c = await database({ template: 'template0', ctype: 'C' });
    await expect(startTeamServer({ databaseUrl: c.url, port: 0 })).rejects.toThrow(/LC_CTYPE "C"/);
    const ok = await database();
    await expect(startTeamServer({ databaseUrl: ok.url, host: '0.0.0.0', port: 0 })).rejects.toThrow(/--allow-remote/);
  });
});
