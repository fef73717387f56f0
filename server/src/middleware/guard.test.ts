import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { PINNED_EXTENSION_ORIGIN, readEnv } from '../env.ts';
import { startServer } from '../index.ts';
import { makeTestApp, type TestApp, TOKEN } from '../test-utils.ts';
import { clientKey, PAIR_PATH } from './guard.ts';

const WRONG = { authorization: 'Bearer not-the-token-0000000' };
const FIREFOX = 'moz-extension://4b1d5c7e-2f3a-4c8b-9d0e-1a2b3c4d5e6f';
const OTHER_CHROME = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

/** A request as @hono/node-server hands it to the app: with the peer's socket. */
async function from(t: TestApp, address: string, headers: Record<string, string> = {}, path = '/api/customers') {
  const res = await t.app.request(
    path,
    { headers: { authorization: `Bearer ${TOKEN}`, ...headers } },
    { incoming: { socket: { remoteAddress: address } } },
  );
  return res.status;
}

describe('wrong tokens are counted per client, and a valid token is never refused', () => {
  it('locks out the client that guessed, not its neighbours; its own valid token still passes', async () => {
    const t = makeTestApp(undefined, { authFailuresPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect(await from(t, '10.0.0.1', WRONG)).toBe(401);
    expect(await from(t, '10.0.0.1', WRONG)).toBe(429);
    // Another client still hears "wrong token", and passes with the right one.
    expect(await from(t, '10.0.0.2', WRONG)).toBe(401);
    expect(await from(t, '10.0.0.2')).toBe(200);
    // The locked-out client with the right token: never refused.
    expect(await from(t, '10.0.0.1')).toBe(200);
    expect(await from(t, '10.0.0.1', WRONG)).toBe(429);
    // The minute over, it hears 401 again.
    t.setNow('2026-11-23T02:01:01.000Z');
    expect(await from(t, '10.0.0.1', WRONG)).toBe(401);
  });

  it('on loopback, the owner is never locked out by another local process', async () => {
    const t = makeTestApp(undefined, { authFailuresPerMinute: 3 });
    for (let i = 0; i < 4; i++) await from(t, '127.0.0.1', WRONG);
    expect(await from(t, '127.0.0.1', WRONG)).toBe(429);
    expect(await from(t, '::ffff:127.0.0.1', WRONG)).toBe(429);
    // The owner's scripts and extension, with the token: through.
    expect(await from(t, '127.0.0.1')).toBe(200);
    expect(await from(t, '::1', { origin: PINNED_EXTENSION_ORIGIN })).toBe(200);
    // The extension is counted apart, so a mistyped token still says "wrong token" there.
    expect(await from(t, '127.0.0.1', { ...WRONG, origin: PINNED_EXTENSION_ORIGIN })).toBe(401);
  });

  it('keys: IPv4-mapped addresses as IPv4, IPv6 by /64, loopback by accepted extension origin', () => {
    // clientKey reads only the socket and the Origin header: a stand-in context will do.
    const key = (address: string | undefined, origin?: string) =>
      clientKey(
        {
          env: address ? { incoming: { socket: { remoteAddress: address } } } : undefined,
          req: { header: (n: string) => (n === 'origin' ? origin : undefined) },
        } as never,
        (o) => o === PINNED_EXTENSION_ORIGIN,
      );
    expect(key('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(key('2001:db8:1:2::a')).toBe('2001:db8:1:2::/64');
    expect(key('2001:db8:1:2:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(key('2001:db8:1:3::a')).toBe('2001:db8:1:3::/64');
    expect(key('127.0.0.1')).toBe('loopback');
    expect(key('127.0.0.1', PINNED_EXTENSION_ORIGIN)).toBe(`loopback ${PINNED_EXTENSION_ORIGIN}`);
    // An origin the API does not accept adds nothing (a guesser can't mint fresh keys with it).
    expect(key('::1', OTHER_CHROME)).toBe('loopback');
    expect(key(undefined)).toBe('unknown');
  });

  it('over real HTTP: a local guesser gets 429, the owner with the token gets 200', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-guard-'));
    const server = await startServer({ port: 0, dataDir: dir, token: TOKEN, keepBackups: 0, authFailuresPerMinute: 3 });
    try {
      const get = (headers: Record<string, string>) =>
        fetch(`${server.url}/api/settings`, { headers }).then(async (r) => {
          await r.arrayBuffer();
          return r.status;
        });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push(await get(WRONG));
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect(await get({ authorization: `Bearer ${TOKEN}` })).toBe(200);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('extension origins: the pinned id by default, others once paired', () => {
  const get = (t: TestApp, origin: string, headers: Record<string, string> = {}) =>
    t.request('GET', '/api/customers', undefined, { origin, ...headers });
  const pair = (t: TestApp, origin: string | undefined, headers: Record<string, string> = {}) =>
    t.request('POST', PAIR_PATH, undefined, { ...(origin ? { origin } : {}), ...headers });

  it('answers the pinned Chrome id without any configuration', async () => {
    const t = makeTestApp();
    const ok = await get(t, PINNED_EXTENSION_ORIGIN);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(PINNED_EXTENSION_ORIGIN);
    expect((await pair(t, PINNED_EXTENSION_ORIGIN)).json).toEqual({
      origin: PINNED_EXTENSION_ORIGIN,
      grant: 'pinned',
      added: false,
    });
  });

  it('refuses another extension id, and web pages, with 403 before any data', async () => {
    const t = makeTestApp();
    for (const origin of [OTHER_CHROME, FIREFOX, 'https://evil.example', 'null']) {
      const r = await get(t, origin);
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('forbidden');
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
    }
    const pre = await t.app.request('/api/customers', { method: 'OPTIONS', headers: { origin: FIREFOX } });
    expect(pre.status).toBe(403);
  });

  it('accepts an extension origin after a pairing with the owner token, and keeps it across restarts', async () => {
    const t = makeTestApp();
    // The browser's preflight for the pairing call: answered for an extension, POST only.
    const pre = await t.app.request(PAIR_PATH, { method: 'OPTIONS', headers: { origin: FIREFOX } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(FIREFOX);
    expect(pre.headers.get('access-control-allow-methods')).toBe('POST');

    const first = await pair(t, FIREFOX);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ origin: FIREFOX, grant: 'paired', added: true });
    expect(first.headers.get('access-control-allow-origin')).toBe(FIREFOX);
    expect((await pair(t, FIREFOX)).json).toEqual({ origin: FIREFOX, grant: 'paired', added: false });

    const ok = await get(t, FIREFOX);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(FIREFOX);
    // Only that one: another id is still refused.
    expect((await get(t, OTHER_CHROME)).status).toBe(403);
    // The pairing is in the database (and the audit log): a new app on it answers the origin.
    const again = createApp({
      store: t.store,
      pairedOrigins: t.deps.pairedOrigins,
      clock: () => new Date(),
      authenticate: async () => null,
      allowedHosts: new Set(),
      extensionOrigins: new Set(),
      version: 'test',
    });
    const res = await again.request('/api/health', { headers: { origin: FIREFOX } });
    expect(res.status).toBe(200);
    const audit = await t.sql('select user_name, path, detail from audit_log order by id');
    const row = { user_name: 'owner', path: PAIR_PATH, detail: JSON.stringify({ origin: FIREFOX }) };
    expect(audit).toEqual([row, row]);
  });

  it('never pairs without a valid manager token, from a web page, or without an Origin', async () => {
    const t = makeTestApp();
    const member = t.addUser('mei', 'member');
    const wrong = await pair(t, FIREFOX, WRONG);
    expect(wrong.status).toBe(401);
    const byMember = await pair(t, FIREFOX, member.headers);
    expect(byMember.status).toBe(403);
    expect(byMember.json.error.code).toBe('forbidden');
    // A web page has its own Origin, which the browser sets: refused before the token is read.
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:8787']) {
      expect((await pair(t, origin)).status).toBe(403);
    }
    // A local script (no Origin) has nothing to record.
    expect((await pair(t, undefined)).status).toBe(400);
    // A GET there is no pairing either.
    expect((await t.request('GET', PAIR_PATH, undefined, { origin: FIREFOX })).status).toBe(404);
    expect((await get(t, FIREFOX)).status).toBe(403);
    // A member's Chrome (pinned) is already accepted: asking answers that, for any valid token.
    expect((await pair(t, PINNED_EXTENSION_ORIGIN, member.headers)).json.grant).toBe('pinned');
  });

  it('accepts the origins of DOSSIER_EXTENSION_ORIGINS, and refuses a list that holds a web origin', async () => {
    const t = makeTestApp(undefined, { extensionOrigins: new Set([FIREFOX]) });
    expect((await get(t, FIREFOX)).status).toBe(200);
    expect((await pair(t, FIREFOX)).json.grant).toBe('configured');
    expect(readEnv({ DOSSIER_EXTENSION_ORIGINS: ` ${FIREFOX}/ , ${OTHER_CHROME}` }).extensionOrigins).toEqual([
      FIREFOX,
      OTHER_CHROME,
    ]);
    expect(() => readEnv({ DOSSIER_EXTENSION_ORIGINS: 'https://evil.example' })).toThrow(/DOSSIER_EXTENSION_ORIGINS/);
  });
});
