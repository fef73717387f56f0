import { type ContextAnswer, type ContextBadge, DEFAULT_SETTINGS } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import type { Unconfirmed } from './service.ts';
import { ContextService, FRESH_MS } from './service.ts';

const badge = (over: Partial<ContextBadge> = {}): ContextBadge => ({
  customerId: 7,
  name: '嘉华融通',
  tier: 'B',
  lost: false,
  nextCallDue: '2026-11-01T00:00:00.000Z',
  nextVisitDue: '2027-01-01T00:00:00.000Z',
  nextDue: '2026-11-01T00:00:00.000Z',
  appointment: null,
  overdue: { call: true, visit: false, appointment: false, any: true },
  ...over,
});

function setup(opts: { unconfirmed?: Unconfirmed; badge?: ContextBadge; onBadgeStale?: (key: string) => void } = {}) {
  let now = 0;
  const asked: string[] = [];
  const card = {
    customer: { id: 7, tier: 'B', createdAt: '2026-10-01T00:00:00.000Z', lastCallAt: null, lastVisitAt: null },
    matchedBy: { kind: 'domain', value: 'xz-land.com.cn' },
    person: null,
    tier: 'B',
    lost: null,
    nextCallDue: '2026-12-01T00:00:00.000Z',
    nextVisitDue: '2027-01-01T00:00:00.000Z',
    nextDue: '2026-12-01T00:00:00.000Z',
    appointment: null,
    overdue: { call: false, visit: false, appointment: false, any: false },
    lastInteractions: [],
    keyPeople: [],
    followUps: 0,
    suggestions: [],
  } as unknown as ContextAnswer;
  const svc = new ContextService({
    fetchAnswer: async (q) => {
      asked.push(`card ${q.url}`);
      return { ok: true, status: 200, value: card };
    },
    fetchBadge: async (url) => {
      asked.push(`badge ${url}`);
      return { ok: true, status: 200, value: opts.badge ?? badge() };
    },
    unconfirmed: async () => opts.unconfirmed ?? { logs: [], pending: [] },
    settings: async () => DEFAULT_SETTINGS,
    now: () => now,
    ...(opts.onBadgeStale ? { onBadgeStale: opts.onBadgeStale } : {}),
  });
  return { svc, asked, advance: (ms: number) => (now += ms) };
}

describe('the toolbar badge', () => {
  it('asks the badge-sized question while no card is read, once per domain while fresh', async () => {
    const s = setup();
    expect(await s.svc.badge('https://www.xz-land.com.cn/a')).toEqual({ tier: 'B', lost: false, overdue: true });
    expect(await s.svc.badge('https://hr.xz-land.com.cn/b')).toEqual({ tier: 'B', lost: false, overdue: true });
    expect(s.asked).toEqual(['badge https://www.xz-land.com.cn/a']);
    s.advance(FRESH_MS + 1);
    await s.svc.badge('https://www.xz-land.com.cn/a');
    expect(s.asked).toHaveLength(2);
  });

  it("uses the card once the panel has read it, and shows nothing for a page of no customer's", async () => {
    const s = setup();
    await s.svc.get('https://www.xz-land.com.cn/');
    expect(await s.svc.badge('https://www.xz-land.com.cn/x')).toEqual({ tier: 'B', lost: false, overdue: false });
    expect(s.asked).toEqual(['card https://www.xz-land.com.cn/']);
    const none = setup({ badge: badge({ customerId: null, tier: null }) });
    expect(await none.svc.badge('https://unknown.example/')).toBeNull();
    expect(await none.svc.badge('chrome://extensions')).toBeNull();
  });

  it('reads the card for a file with calls the server has not confirmed, so they count at once', async () => {
    const log = { kind: 'call', at: '2026-11-02T00:00:00.000Z', customerId: 7 };
    const pendingLog = { unconfirmed: { logs: [log], pending: [] } as unknown as Unconfirmed };
    const s = setup(pendingLog);
    await s.svc.badge('https://www.xz-land.com.cn/');
    expect(s.asked).toEqual(['badge https://www.xz-land.com.cn/', 'card https://www.xz-land.com.cn/']);
  });

  it("forgets a file's badges when it changes elsewhere, and says which tabs to paint again", async () => {
    const stale: string[] = [];
    const s = setup({ onBadgeStale: (k) => stale.push(k) });
    await s.svc.badge('https://www.xz-land.com.cn/');
    s.svc.customerChanged(8);
    expect(stale).toEqual([]);
    s.svc.customerChanged(7);
    expect(stale).toEqual(['xz-land.com.cn']);
    await s.svc.badge('https://www.xz-land.com.cn/');
    expect(s.asked).toEqual(['badge https://www.xz-land.com.cn/', 'badge https://www.xz-land.com.cn/']);
  });
});
