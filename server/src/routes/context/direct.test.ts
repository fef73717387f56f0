import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { PINNED_EXTENSION_ORIGIN } from '../../env.ts';
import { makeTestApp, TOKEN } from '../../test-utils.ts';
import { withDirectLookups } from './direct.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

/** The app behind the direct path on a real socket, counting what reaches the app. */
async function serve(hosts: string[] = []) {
  const t = makeTestApp('2026-11-01T00:00:00.000Z', { allowedHosts: new Set(hosts) });
  let reachedApp = 0;
  const app = getRequestListener(t.app.fetch);
  const server = createServer(
    withDirectLookups(t.deps, (req, res) => {
      reachedApp++;
      return app(req, res);
    }),
  );
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const get = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...headers },
    });
    const text = await res.text();
    return { status: res.status, headers: Object.fromEntries(res.headers), body: text ? JSON.parse(text) : null };
  };
  return { t, get, reached: () => reachedApp };
}

const badge = (url: string) => `/api/context/badge?url=${encodeURIComponent(url)}`;
/** What the app itself answers, for comparison (headers that name the moment or the socket aside). */
const comparable = (h: Record<string, string>) => {
  const { date: _d, connection: _c, 'keep-alive': _k, ...rest } = h;
  return rest;
};

describe("the context lookups' direct path", () => {
  it('answers the ordinary badge and card itself, exactly as the app would', async () => {
    const s = await serve();
    const created = await s.t.request('POST', '/api/customers', {
      name: '嘉华融通',
      tier: 'A',
      website: 'xz-land.com.cn',
      people: [{ name: '王建国', email: 'wang@xz-land.com.cn', keyPerson: true }],
    });
    const asked: Record<string, string>[] = [{}, { origin: PINNED_EXTENSION_ORIGIN }];
    const paths = [
      badge('https://www.xz-land.com.cn/about'),
      `/api/context?url=${encodeURIComponent('https://www.xz-land.com.cn/about')}`,
      `/api/context?email=${encodeURIComponent('wang@xz-land.com.cn')}`,
      `/api/context?name=${encodeURIComponent('嘉华融通')}&url=${encodeURIComponent('https://other.cn')}`,
    ];
    for (const headers of asked) {
      for (const path of paths) {
        const direct = await s.get(path, headers);
        expect(s.reached()).toBe(0);
        const viaApp = await s.t.request('GET', path, undefined, headers);
        expect(direct.status).toBe(200);
        expect(direct.body).toEqual(viaApp.json);
        const appHeaders = comparable(Object.fromEntries(viaApp.headers));
        expect(comparable(direct.headers)).toEqual({
          ...appHeaders,
          'content-length': direct.headers['content-length'],
        });
      }
    }
    expect((await s.get(paths[0] as string)).body).toMatchObject({ customerId: created.json.id, tier: 'A' });
    expect((await s.get(paths[2] as string)).body.person.name).toBe('王建国');
    expect((await s.get(paths[3] as string)).body.suggestions).toHaveLength(1);
    // A member sees only their own files, here too.
    const li = s.t.addUser('li', 'member');
    expect((await s.get(badge('https://xz-land.com.cn'), li.headers)).body.customerId).toBeNull();
    expect(s.reached()).toBe(0);
  });

  it('leaves every other case to the app: its refusals, its counting and its other routes', async () => {
    const s = await serve(['allowed.test:1']);
    const cases: [string, Record<string, string>, string, number][] = [
      [badge('https://a.cn'), {}, 'GET', 403], // the Host is not one the server answers as
    ];
    for (const [path, headers, method, status] of cases) {
      expect((await s.get(path, headers, method)).status).toBe(status);
    }
    expect(s.reached()).toBe(1);

    const open = await serve();
    const before = open.reached();
    const refused: [string, Record<string, string>, string, number][] = [
      [badge('https://a.cn'), { authorization: 'Bearer wrong-token-0123456789' }, 'GET', 401],
      [badge('https://a.cn'), { authorization: '' }, 'GET', 401],
      [badge('https://a.cn'), { origin: 'https://evil.example' }, 'GET', 403],
      [badge('https://a.cn'), { origin: PINNED_EXTENSION_ORIGIN }, 'OPTIONS', 204],
      ['/api/context/badge', {}, 'GET', 400],
      ['/api/context/badge?url=', {}, 'GET', 400],
      [`${badge('https://a.cn')}&url=https%3A%2F%2Fb.cn`, {}, 'GET', 400], // two URLs: the app's schema refuses them
      ['/api/context/badges?url=x', {}, 'GET', 404],
      ['/api/context', {}, 'GET', 400],
      ['/api/context?nothing=1', {}, 'GET', 400],
    ];
    for (const [path, headers, method, status] of refused) {
      expect([path, (await open.get(path, headers, method)).status]).toEqual([path, status]);
    }
    expect(open.reached() - before).toBe(refused.length);
    // Wrong tokens are still counted by the app, per client: the 21st in a minute is 429.
    for (let i = 0; i < 20; i++)
      await open.get(badge('https://a.cn'), { authorization: 'Bearer wrong-token-0123456789' });
    expect((await open.get(badge('https://a.cn'), { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(
      429,
    );
    // …while the right token still gets its badge at once.
    expect((await open.get(badge('https://a.cn'))).status).toBe(200);
  });
});
