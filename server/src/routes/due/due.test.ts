import { describe, expect, it } from 'vitest';
import { dueBoard } from '../../services/board.ts';
import { SYSTEM } from '../../services/visibility.ts';
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
    // The call due 12-04 (next ISO week) comes inside the window now: it stands with the file, in
    // the bucket of the file's earliest due (this week's appointment), not once more in "later".
    expect(ids(wider.json.thisWeek)).toEqual([`${week}:appointment`, `${week}:call`]);
    expect(ids(wider.json.later)).not.toContain(`${week}:call`);
    expect(wider.json.counts.thisWeek).toBe(1);
  });

  it('puts a file once, in the bucket of its earliest due, with each reason at its own instant — for a manager and for a member', async () => {
    // Filed Monday 2026-11-02 (Shanghai): an A file's first visit is due a cadence later.
    const t = makeTestApp('2026-11-02T01:00:00.000Z');
    const li = t.addUser('li', 'member');
    const both = (await t.request('POST', '/api/customers', { name: '双到期', tier: 'A' }, li.headers)).json
      .id as number;
    const settings = await t.store.settings.read();
    const visitDays = settings.cadence.A.visitDays;
    // Called a cadence later (the call clock restarts), the visit left waiting: the visit goes
    // overdue first while the next call is still ahead.
    const callDays = settings.cadence.A.callDays;
    const overdueVisit = new Date(Date.parse('2026-11-02T01:00:00.000Z') + (visitDays + 10) * 86_400_000);
    t.setNow(new Date(overdueVisit.getTime() - (callDays - 2) * 86_400_000).toISOString());
    await t.request(
      'POST',
      '/api/interactions',
      { customerId: both, kind: 'call', idempotencyKey: idem() },
      li.headers,
    );
    t.setNow(overdueVisit.toISOString());
    for (const headers of [undefined, li.headers]) {
      const r = (await t.request('GET', '/api/due?within=7d', undefined, headers)).json;
      const mine = (items: { customerId: number; reason: string; due: string }[]) =>
        items.filter((i) => i.customerId === both);
      expect(mine(r.overdue).map((i) => i.reason)).toEqual(['visit', 'call']);
      const [visit, call] = mine(r.overdue);
      expect(String(visit?.due) < r.now).toBe(true);
      expect(String(call?.due) > r.now).toBe(true);
      for (const b of ['today', 'tomorrow', 'thisWeek', 'later']) expect(mine(r[b] ?? [])).toEqual([]);
      expect(r.counts.overdue).toBe(1);
    }
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

  it("cuts one owner's bucket at its earliest cards across files and promises, A before C on the same instant", async () => {
    const t = makeTestApp('2026-11-01T00:00:00.000Z');
    const li = t.addUser('li', 'member');
    const file = async (name: string, tier: string) =>
      (await t.request('POST', '/api/customers', { name, tier }, li.headers)).json.id as number;
    const a = await file('甲', 'A');
    const c = await file('丙', 'C');
    const promise = (customerId: number, text: string, dueAt: string) =>
      t.request('POST', '/api/commitments', { customerId, text, dueAt, idempotencyKey: idem() }, li.headers);
    await promise(c, '寄样品', '2026-11-05T02:00:00.000Z');
    await promise(a, '报价', '2026-11-05T02:00:00.000Z');
    await promise(c, '回电', '2026-11-03T02:00:00.000Z');
    t.setNow('2026-11-20T00:00:00.000Z');
    const cards = (b: { overdue: { customerId: number; reason: string; text?: string }[] }) =>
      b.overdue.map((i) => i.text ?? `${i.customerId === a ? '甲' : '丙'} ${i.reason}`);
    for (const [who, path] of [
      ['member', '/api/due?within=7d'],
      ['manager asking ?owner=', '/api/due?within=7d&owner=li'],
    ] as const) {
      const headers = who === 'member' ? li.headers : undefined;
      const whole = (await t.request('GET', path, undefined, headers)).json;
      // A new file's first call is due when it is filed: both files first, then the promises.
      expect(cards(whole), who).toEqual(['甲 call', '丙 call', '回电', '报价', '寄样品']);
      const cut = (await t.request('GET', `${path}&limit=4`, undefined, headers)).json;
      expect(cut.counts.overdue, who).toBe(5);
      expect(cards(cut), who).toEqual(['甲 call', '丙 call', '回电', '报价']);
    }
  });

  it('cuts ties at one instant A before C on every board — a manager’s whole board as a member’s own', async () => {
    const t = makeTestApp('2026-11-01T00:00:00.000Z');
    const li = t.addUser('li', 'member');
    // Filed at one instant, C before A (the lower id): their first calls fall due together, as an
    // import's do; so do their promises for tomorrow.
    const file = async (name: string, tier: string) =>
      (await t.request('POST', '/api/customers', { name, tier }, li.headers)).json.id as number;
    const c = await file('丙', 'C');
    const b = await file('乙', 'B');
    const a = await file('甲', 'A');
    const promise = (customerId: number, text: string) =>
      t.request(
        'POST',
        '/api/commitments',
        { customerId, text, dueAt: '2026-11-21T02:00:00.000Z', idempotencyKey: idem() },
        li.headers,
      );
    await promise(c, '寄样品');
    await promise(a, '回电');
    await promise(a, '报价');
    t.setNow('2026-11-20T00:00:00.000Z');
    const names = new Map([
      [a, '甲'],
      [b, '乙'],
      [c, '丙'],
    ]);
    const cards = (items: { customerId: number; text?: string }[]) =>
      items.map((i) => i.text ?? names.get(i.customerId));
    for (const [who, path, headers] of [
      ['manager, whole board', '/api/due?within=7d', undefined],
      ['manager asking ?owner=', '/api/due?within=7d&owner=li', undefined],
      ['member', '/api/due?within=7d', li.headers],
    ] as const) {
      const whole = (await t.request('GET', path, undefined, headers)).json;
      expect(cards(whole.overdue), who).toEqual(['甲', '乙', '丙']);
      // One customer's two promises at one instant: in the order they were made.
      expect(cards(whole.tomorrow), who).toEqual(['回电', '报价', '寄样品']);
      const cut = (await t.request('GET', `${path}&limit=2`, undefined, headers)).json;
      expect(cards(cut.overdue), who).toEqual(['甲', '乙']);
      expect(cards(cut.tomorrow), who).toEqual(['回电', '报价']);
      expect([cut.counts.overdue, cut.counts.tomorrow], who).toEqual([3, 3]);
    }
  });

  it("counts a manager's whole board up to the cap and says so, a member's one by one", async () => {
    const t = makeTestApp('2026-11-01T00:00:00.000Z');
    const li = t.addUser('li', 'member');
    for (let i = 0; i < 5; i++) await t.request('POST', '/api/customers', { name: `Late ${i}`, tier: 'A' }, li.headers);
    t.setNow('2026-11-20T00:00:00.000Z');
    const settings = await t.store.settings.read();
    const now = new Date('2026-11-20T00:00:00.000Z');
    const whole = await dueBoard(t.store, now, settings, 7, SYSTEM, undefined, 2, 3);
    // Five calls overdue, counted up to the cap of 3, and the bucket marked.
    expect(whole.counts.overdue).toBe(3);
    expect(whole.countsAtLeast).toEqual(['overdue']);
    expect(whole.overdue).toHaveLength(2);
    const exact = await dueBoard(t.store, now, settings, 7, SYSTEM, undefined, 2, 5);
    expect(exact.counts.overdue).toBe(5);
    expect(exact.countsAtLeast).toEqual([]);
    const mine = await dueBoard(t.store, now, settings, 7, { id: li.id, name: 'li', role: 'member' }, undefined, 2, 3);
    expect(mine.counts.overdue).toBe(5);
    expect(mine.countsAtLeast).toEqual([]);
    // Through the API, with the real cap: exact, nothing marked.
    const api = (await t.request('GET', '/api/due?within=7d&limit=2')).json;
    expect(api.counts.overdue).toBe(5);
    expect(api.countsAtLeast).toEqual([]);
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

  it('"this week" is the ISO week (Monday–Sunday) in the configured zone: on a Friday, Monday’s call is past 本周 but still on the board', async () => {
    // Filed and called on Monday 2026-11-23 09:00 Shanghai: an A customer's next call is due Monday 11-30.
    const t = makeTestApp('2026-11-23T01:00:00.000Z');
    const monday = (await t.request('POST', '/api/customers', { name: '周一客户', tier: 'A' })).json.id as number;
    await t.request('POST', '/api/interactions', { customerId: monday, kind: 'call', idempotencyKey: idem() });
    // A meeting on Sunday 11-29 10:00 Shanghai: still this week.
    const sunday = (await t.request('POST', '/api/customers', { name: '周日客户', tier: 'B' })).json.id as number;
    await t.request('POST', '/api/interactions', {
      customerId: sunday,
      kind: 'meeting',
      appointment: '2026-11-29T02:00:00.000Z',
      idempotencyKey: idem(),
    });
    t.setNow('2026-11-27T02:00:00.000Z'); // Friday 10:00 in Shanghai
    const r = (await t.request('GET', '/api/due?within=7d')).json;
    const ids = (items: { customerId: number; reason: string }[]) => items.map((i) => `${i.customerId}:${i.reason}`);
    // Sunday's file stands at its appointment, its next call (Monday 11-30, inside the window) with it.
    expect(ids(r.thisWeek)).toEqual([`${sunday}:appointment`, `${sunday}:call`]);
    expect(ids(r.thisWeek)).not.toContain(`${monday}:call`);
    expect(ids(r.later)).toContain(`${monday}:call`);
    expect(r.counts.thisWeek).toBe(1);
    expect(r.counts.later).toBe(r.later.length);
    // The same week as the focus notes'.
    const focus = (await t.request('GET', '/api/focus')).json;
    expect(focus.week.period).toBe('2026-W48');
    // On Sunday the week has no day after tomorrow left: 本周 is empty, Monday is tomorrow.
    t.setNow('2026-11-29T01:00:00.000Z');
    const sun = (await t.request('GET', '/api/due?within=7d')).json;
    expect(sun.thisWeek).toEqual([]);
    expect(ids(sun.tomorrow)).toContain(`${monday}:call`);
  });

  it('carries the person to call and their number on each item: the key person first, else the company’s number', async () => {
    const t = makeTestApp('2026-11-01T00:00:00.000Z');
    const withPeople = (await t.request('POST', '/api/customers', { name: '云龙置业', tier: 'A' })).json.id as number;
    await t.request('POST', `/api/customers/${withPeople}/people`, { name: '王秘书', mobile: '13900000001' });
    await t.request('POST', `/api/customers/${withPeople}/people`, {
      name: '刘建华',
      mobile: '13812345678',
      keyPerson: true,
    });
    const companyOnly = (
      await t.request('POST', '/api/customers', { name: '淮海物业', tier: 'B', phones: ['0516-83881234'] })
    ).json.id as number;
    const none = (await t.request('POST', '/api/customers', { name: '无号码', tier: 'C' })).json.id as number;
    t.setNow('2026-11-20T00:00:00.000Z');
    for (const query of ['', '&owner=owner']) {
      const r = (await t.request('GET', `/api/due?within=7d${query}`)).json;
      const of = (id: number) => r.overdue.find((i: { customerId: number }) => i.customerId === id)?.contact;
      expect(of(withPeople)).toMatchObject({ name: '刘建华', phone: '13812345678' });
      expect(of(companyOnly)).toEqual({ personId: null, name: null, phone: '0516-83881234' });
      expect(of(none)).toBeNull();
    }
  });
});
