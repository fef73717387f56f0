import { describe, expect, it } from 'vitest';
import { idem, makeTestApp } from '../../test-utils.ts';

describe('due board', () => {
  it('buckets calls, visits and appointments into overdue / today / tomorrow / this week in the user time zone', async () => {
    // Monday 2026-11-23 10:00 in Shanghai.
    const t = makeTestApp('2026-11-10T00:00:00.000Z');
    // Each is called as it is filed, so its next call is due a cadence after that call.
    const mk = async (name: string, tier: string) => {
      const id = (await t.request('POST', '/api/customers', { name, tier })).json.id as number;
      await t.request('POST', '/api/interactions', { customerId: id, kind: 'call', idempotencyKey: idem() });
      return id;
    };
    const late = await mk('Late A', 'A'); // call due 11-17 → overdue
    t.setNow('2026-11-16T03:00:00.000Z');
    const today = await mk('Today A', 'A'); // call due 11-23 03:00Z = 11:00 Shanghai today
    t.setNow('2026-11-17T01:00:00.000Z');
    const tomorrow = await mk('Tomorrow B', 'B'); // call due 11-24 01:00Z
    t.setNow('2026-11-20T00:00:00.000Z');
    const week = await mk('Week C', 'C'); // call due 12-04 → outside 7d
    await t.request('POST', '/api/interactions', {
      customerId: week,
      kind: 'meeting',
      appointment: '2026-11-26T02:00:00.000Z',
      idempotencyKey: idem(),
    });
    t.setNow('2026-11-23T02:00:00.000Z');
    const r = await t.request('GET', '/api/due?within=7d');
    expect(r.status).toBe(200);
    const ids = (items: { customerId: number; reason: string }[]) => items.map((i) => `${i.customerId}:${i.reason}`);
    expect(ids(r.json.overdue)).toEqual([`${late}:call`]);
    expect(ids(r.json.today)).toEqual([`${today}:call`]);
    expect(ids(r.json.tomorrow)).toEqual([`${tomorrow}:call`]);
    expect(ids(r.json.thisWeek)).toEqual([`${week}:appointment`]);
    const wider = await t.request('GET', '/api/due?within=30d');
    expect(ids(wider.json.thisWeek)).toContain(`${week}:call`);
  });

  it('filters by owner and validates the window', async () => {
    const t = makeTestApp('2026-11-01T00:00:00.000Z');
    t.addUser('li', 'member');
    t.addUser('zhang', 'member');
    await t.request('POST', '/api/customers', { name: 'Mine', tier: 'A', owner: 'li' });
    await t.request('POST', '/api/customers', { name: 'Theirs', tier: 'A', owner: 'zhang' });
    t.setNow('2026-11-20T00:00:00.000Z');
    const r = await t.request('GET', '/api/due?within=7d&owner=li');
    expect(r.json.overdue.map((i: { name: string }) => i.name)).toEqual(['Mine']);
    expect((await t.request('GET', '/api/due?within=forever')).status).toBe(400);
  });

  it('answers the first `limit` items of each bucket and the full counts, for a manager and for a member', async () => {
    const t = makeTestApp('2026-11-01T00:00:00.000Z');
    const li = t.addUser('li', 'member');
    t.addUser('zhang', 'member');
    for (let i = 0; i < 5; i++) await t.request('POST', '/api/customers', { name: `Late ${i}`, tier: 'A' }, li.headers);
    await t.request('POST', '/api/customers', { name: 'Someone else', tier: 'A', owner: 'zhang' });
    t.setNow('2026-11-20T00:00:00.000Z');
    const all = (await t.request('GET', '/api/due?within=7d&limit=2')).json;
    expect(all.counts.overdue).toBe(6);
    expect(all.overdue).toHaveLength(2);
    expect(all.limit).toBe(2);
    const mine = (await t.request('GET', '/api/due?within=7d&limit=3', undefined, li.headers)).json;
    expect(mine.counts.overdue).toBe(5);
    expect(mine.overdue.map((i: { name: string }) => i.name)).toEqual(['Late 0', 'Late 1', 'Late 2']);
  });

  it('cuts days at the configured time zone’s midnight, not UTC’s', async () => {
    // A call due 2026-11-24 03:00Z: in Shanghai that is tomorrow 11:00 when it is 23:30 today;
    // in New York it is still 22:00 of the 23rd, i.e. later today.
    const t = makeTestApp('2026-11-10T03:00:00.000Z');
    await t.request('POST', '/api/customers', { name: 'Edge', tier: 'B' });
    t.setNow('2026-11-17T03:00:00.000Z');
    await t.request('POST', '/api/interactions', {
      customerId: 1,
      kind: 'call',
      at: '2026-11-17T03:00:00.000Z',
      idempotencyKey: idem(),
    });
    t.setNow('2026-11-23T15:30:00.000Z'); // 23:30 in Shanghai, 10:30 in New York
    const bucketOf = async () => {
      const b = (await t.request('GET', '/api/due?within=7d')).json;
      return (['overdue', 'today', 'tomorrow', 'thisWeek'] as const).find((k) =>
        b[k].some((i: { reason: string }) => i.reason === 'call'),
      );
    };
    expect(await bucketOf()).toBe('tomorrow');
    await t.request('PUT', '/api/settings', { timeZone: 'America/New_York' });
    expect(await bucketOf()).toBe('today');
  });
});
