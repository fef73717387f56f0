import { type ContextAnswer, DEFAULT_SETTINGS } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../platform/api/client.ts';
import { ContextService, FRESH_MS } from './service.ts';
import { NO_CUSTOMER } from './test-answers.ts';

const unknown = NO_CUSTOMER;

function setup(answers: Array<ApiResult<ContextAnswer>>) {
  let now = 0;
  const asked: string[] = [];
  const changed: string[] = [];
  const svc = new ContextService({
    fetchAnswer: async (q) => {
      asked.push(q.url ?? `email:${q.email}`);
      return answers.shift() ?? { ok: true, status: 200, value: unknown };
    },
    unconfirmed: async () => ({ logs: [], pending: [] }),
    settings: async () => DEFAULT_SETTINGS,
    now: () => now,
    onChanged: (key) => changed.push(key),
  });
  return { svc, asked, changed, advance: (ms: number) => (now += ms) };
}

describe('ContextService', () => {
  it('gives browser pages the quiet state without asking the server', async () => {
    const { svc, asked } = setup([]);
    for (const url of ['chrome://extensions/', 'about:blank', 'chrome-extension://abc/sidepanel.html', 'file:///x']) {
      expect(await svc.get(url)).toEqual({ state: 'browser' });
    }
    expect(asked).toEqual([]);
  });

  it('caches per registrable domain: sub-domains of one company cost one request', async () => {
    const { svc, asked } = setup([]);
    const a = await svc.get('https://www.xz-land.com.cn/');
    const b = await svc.get('https://hr.xz-land.com.cn/jobs');
    expect(a).toMatchObject({ state: 'unknown', card: 'xz-land.com.cn' });
    expect(b).toMatchObject({ state: 'unknown', card: 'xz-land.com.cn' });
    expect(asked).toEqual(['https://www.xz-land.com.cn/']);
    // github.io-style hosts are separate companies.
    await svc.get('https://alice.github.io/');
    await svc.get('https://bob.github.io/');
    expect(asked).toHaveLength(3);
  });

  it('shows a stale answer at once and refreshes it behind', async () => {
    const { svc, asked, changed, advance } = setup([]);
    await svc.get('https://www.xz-land.com.cn/');
    advance(FRESH_MS + 1);
    await svc.get('https://www.xz-land.com.cn/');
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toHaveLength(2);
    expect(changed).toEqual(['xz-land.com.cn']);
  });

  it('keeps showing the last answer when the server goes away, and says why when it has none', async () => {
    const down = { ok: false as const, failure: { kind: 'unreachable' as const, message: 'fetch failed' } };
    const { svc } = setup([{ ok: true, status: 200, value: unknown }, down, down]);
    await svc.get('https://www.xz-land.com.cn/');
    expect(await svc.get('https://www.xz-land.com.cn/', { refresh: true })).toMatchObject({
      state: 'unknown',
      unreachable: true,
    });
    // Still said to be from before when read from the cache, until a read succeeds.
    expect(await svc.get('https://www.xz-land.com.cn/')).toMatchObject({ unreachable: true });
    expect(await svc.get('https://other.example.com/')).toMatchObject({ state: 'error', reason: 'unreachable' });
  });

  it('reports a refused token and an unconfigured server distinctly', async () => {
    const { svc } = setup([
      { ok: false, failure: { kind: 'http', status: 401, code: 'unauthorized', message: 'token not accepted' } },
    ]);
    expect(await svc.get('https://a.example.com/')).toMatchObject({ state: 'error', reason: 'unauthorized' });
    const none = new ContextService({
      fetchAnswer: async () => null,
      unconfirmed: async () => ({ logs: [], pending: [] }),
      settings: async () => DEFAULT_SETTINGS,
    });
    expect(await none.get('https://a.example.com/')).toMatchObject({ state: 'error', reason: 'not_configured' });
  });
});
