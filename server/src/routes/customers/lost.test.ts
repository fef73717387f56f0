import { describe, expect, it } from 'vitest';
import { idem, makeTestApp, type TestApp } from '../../test-utils.ts';

async function lostCustomer(t: TestApp) {
  const id = (
    await t.request('POST', '/api/customers', { name: '徐州旧识贸易有限公司', tier: 'A', website: 'jiushi.cn' })
  ).json.id as number;
  await t.request('POST', '/api/interactions', { customerId: id, kind: 'call', idempotencyKey: idem() });
  const r = await t.request('PATCH', `/api/customers/${id}`, {
    status: 'lost',
    lostReasonCode: 'competitor',
    lostReason: '被同行低价抢走',
  });
  expect(r.status).toBe(200);
  return id;
}

describe('a lost customer is history, not overdue work', () => {
  it('its card says lost, why and when, with no due dates and nothing overdue', async () => {
    const t = makeTestApp('2026-10-01T02:00:00.000Z');
    const id = await lostCustomer(t);
    t.setNow('2026-11-23T02:00:00.000Z');
    const card = (await t.request('GET', '/api/context?url=https%3A%2F%2Fwww.jiushi.cn%2F')).json;
    expect(card.customer.id).toBe(id);
    expect(card).toMatchObject({
      lost: { at: '2026-10-01T02:00:00.000Z', reasonCode: 'competitor', reason: '被同行低价抢走' },
      nextCallDue: null,
      nextVisitDue: null,
      nextDue: null,
      appointment: null,
      overdue: { call: false, visit: false, appointment: false, any: false },
    });
  });

  it('stays out of the overdue filter and the due-ordered list, but is listed when asked for', async () => {
    const t = makeTestApp('2026-10-01T02:00:00.000Z');
    const id = await lostCustomer(t);
    const live = (await t.request('POST', '/api/customers', { name: 'Live Co', tier: 'C' })).json.id;
    t.setNow('2026-11-23T02:00:00.000Z');
    const ids = async (q: string) =>
      (await t.request('GET', `/api/customers${q}`)).json.customers.map((c: { id: number }) => c.id);
    expect(await ids('?overdue=true')).toEqual([live]);
    expect(await ids('')).toEqual([live]);
    expect(await ids('?status=lost')).toEqual([id]);
    expect((await ids('?sort=initials')).sort()).toEqual([id, live].sort());
    const board = (await t.request('GET', '/api/due?within=7d')).json;
    expect(JSON.stringify(board)).not.toContain(`"customerId":${id},`);
  });

  it('is reopened in one action, due today as a new file is — not overdue since its call before the loss', async () => {
    const t = makeTestApp('2026-10-01T02:00:00.000Z');
    const id = await lostCustomer(t);
    // Monday 23 November, 10:00 in Shanghai: seven weeks after its last call.
    t.setNow('2026-11-23T02:00:00.000Z');
    const r = await t.request('POST', `/api/customers/${id}/reopen`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'active', lostAt: null, lostReasonCode: null, lostReason: null });
    expect(r.json.nextCallDue).toBe('2026-11-23T15:59:59.999Z');
    const card = (await t.request('GET', '/api/context?url=https%3A%2F%2Fjiushi.cn')).json;
    expect(card.lost).toBeNull();
    expect(card.overdue.any).toBe(false);
    const board = (await t.request('GET', '/api/due?within=7d')).json;
    expect(board.today.map((i: { customerId: number }) => i.customerId)).toContain(id);
    expect(board.overdue.map((i: { customerId: number }) => i.customerId)).not.toContain(id);
    const history = (await t.request('GET', `/api/customers/${id}/tier-history`)).json.changes;
    expect(history.at(-1).reason).toContain('reopened');
    const again = await t.request('POST', `/api/customers/${id}/reopen`);
    expect([again.status, again.json.error.code]).toEqual([409, 'conflict']);
    // Not called that day: overdue the next, like any first call.
    t.setNow('2026-11-24T02:00:00.000Z');
    expect((await t.request('GET', '/api/context?url=https%3A%2F%2Fjiushi.cn')).json.overdue.call).toBe(true);
  });

  it('counts the call that won it back, logged once reopened but dated before: its cadence and the appointment fixed in it', async () => {
    const t = makeTestApp('2026-10-01T02:00:00.000Z');
    const id = await lostCustomer(t);
    // The customer phones at 07:20; the file is marked won back at 07:40, then the call logged.
    t.setNow('2026-12-08T23:40:00.000Z');
    expect((await t.request('POST', `/api/customers/${id}/reopen`)).status).toBe(200);
    t.setNow('2026-12-08T23:45:00.000Z');
    const call = await t.request('POST', '/api/interactions', {
      customerId: id,
      kind: 'call',
      at: '2026-12-08T23:20:00.000Z',
      appointment: '2026-12-11T01:00:00.000Z',
      idempotencyKey: idem(),
    });
    expect(call.status).toBe(201);
    const file = (await t.request('GET', `/api/customers/${id}`)).json;
    expect(file).toMatchObject({
      lastCallAt: '2026-12-08T23:20:00.000Z',
      appointment: '2026-12-11T01:00:00.000Z',
      nextDue: '2026-12-11T01:00:00.000Z',
    });
    // A: called every 7 days from that call, not due today as an uncalled file.
    expect(file.nextCallDue).toBe('2026-12-15T23:20:00.000Z');
    // The call before the loss still does not count: undone, the file is due as a new one again.
    expect((await t.request('DELETE', `/api/interactions/${call.json.id}`)).status).toBe(200);
    expect((await t.request('GET', `/api/customers/${id}`)).json).toMatchObject({
      appointment: null,
      nextCallDue: '2026-12-09T15:59:59.999Z',
    });
  });

  it("is lost on the day of the user's zone: listed by that day and said so when reopened", async () => {
    // Thursday 10 December, 07:45 in Shanghai (still the 9th in UTC).
    const t = makeTestApp('2026-12-09T23:45:00.000Z');
    const id = await lostCustomer(t);
    const lost = async (from: string, to: string) =>
      (await t.request('GET', `/api/lost?from=${from}&to=${to}`)).json.customers.map((c: { id: number }) => c.id);
    expect(await lost('2026-12-10', '2026-12-10')).toEqual([id]);
    expect(await lost('2026-12-09', '2026-12-09')).toEqual([]);
    t.setNow('2027-01-04T02:00:00.000Z');
    await t.request('POST', `/api/customers/${id}/reopen`);
    const history = (await t.request('GET', `/api/customers/${id}/tier-history`)).json.changes;
    expect(history.at(-1).reason).toBe('reopened (lost 2026-12-10, competitor: 被同行低价抢走)');
  });

  it('is not overdue when reopened for an appointment fixed before the loss, nor exported with a due date while lost', async () => {
    const t = makeTestApp('2026-12-08T02:00:00.000Z');
    const id = (
      await t.request('POST', '/api/customers', { name: '镇江润扬地产有限公司', tier: 'B', website: 'runyang-re.cn' })
    ).json.id as number;
    await t.request('POST', '/api/interactions', {
      customerId: id,
      kind: 'call',
      appointment: '2026-12-22T14:00:00+08:00',
      idempotencyKey: idem(),
    });
    await t.request('PATCH', `/api/customers/${id}`, { status: 'lost', lostReasonCode: 'competitor' });
    const csv = await (
      await t.app.request('/api/export?format=csv&entity=customers&lang=en', {
        headers: { authorization: 'Bearer test-token-0123456789' },
      })
    ).text();
    const [head, row] = csv.trim().split(/\r?\n/);
    expect(row?.split(',')[head?.split(',').indexOf('Next due') ?? -1]).toBe('');
    // Monday 4 January 2027: brought back, due as a new file, the old appointment no more.
    t.setNow('2027-01-04T02:00:00.000Z');
    const r = (await t.request('POST', `/api/customers/${id}/reopen`)).json;
    expect(r).toMatchObject({ appointment: null, nextDue: '2027-01-04T15:59:59.999Z' });
    const badge = (await t.request('GET', '/api/context/badge?url=https%3A%2F%2Frunyang-re.cn%2F')).json;
    expect(badge.overdue.any).toBe(false);
    const board = (await t.request('GET', '/api/due?within=7d')).json;
    expect(board.overdue.map((i: { customerId: number }) => i.customerId)).not.toContain(id);
    // An appointment fixed after the reopening stands as any does.
    await t.request('POST', '/api/interactions', {
      customerId: id,
      kind: 'call',
      appointment: '2027-01-08T10:00:00+08:00',
      idempotencyKey: idem(),
    });
    expect((await t.request('GET', `/api/customers/${id}`)).json.appointment).toBe('2027-01-08T02:00:00.000Z');
  });

  it('goes back to prospect when it was never contacted', async () => {
    const t = makeTestApp('2026-10-01T02:00:00.000Z');
    const id = (
      await t.request('POST', '/api/customers', {
        name: '未联系公司',
        tier: 'B',
        status: 'lost',
        lostReasonCode: 'no_need',
      })
    ).json.id;
    t.setNow('2026-11-23T02:00:00.000Z');
    expect((await t.request('POST', `/api/customers/${id}/reopen`)).json.status).toBe('prospect');
  });

  it('brought back by editing its status is reopened alike: the loss forgotten on the file, kept in its history', async () => {
    const t = makeTestApp('2026-10-01T02:00:00.000Z');
    const id = await lostCustomer(t);
    t.setNow('2026-11-23T02:00:00.000Z');
    const r = await t.request('PATCH', `/api/customers/${id}`, { status: 'active' });
    expect(r.json).toMatchObject({ status: 'active', lostAt: null, lostReasonCode: null, lostReason: null });
    expect(r.json.nextCallDue).toBe('2026-11-23T15:59:59.999Z');
    const history = (await t.request('GET', `/api/customers/${id}/tier-history`)).json.changes;
    expect(history.at(-1).reason).toBe('reopened (lost 2026-10-01, competitor: 被同行低价抢走)');
    // An edit that is not a reopening leaves the cadence alone.
    t.setNow('2026-11-25T02:00:00.000Z');
    const edited = await t.request('PATCH', `/api/customers/${id}`, { status: 'signed' });
    expect(edited.json.nextCallDue).toBe('2026-11-23T15:59:59.999Z');
  });
});

describe('a second file for a company already on file', () => {
  it('is a 409 naming the existing customer, and is created only when asked for explicitly', async () => {
    const t = makeTestApp();
    const first = (
      await t.request('POST', '/api/customers', { name: '嘉华融通', tier: 'A', website: 'xz-land.com.cn' })
    ).json.id;
    const dup = await t.request('POST', '/api/customers', {
      name: '徐州嘉华融通置业',
      tier: 'B',
      website: 'https://hr.xz-land.com.cn/',
    });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toMatchObject({
      code: 'conflict',
      details: { kind: 'domain', value: 'xz-land.com.cn', customerId: first, customerName: '嘉华融通' },
    });
    expect((await t.request('GET', '/api/customers?sort=initials')).json.total).toBe(1);
    const anyway = await t.request('POST', '/api/customers', {
      name: '徐州嘉华融通置业',
      tier: 'B',
      website: 'https://hr.xz-land.com.cn/',
      allowDuplicate: true,
    });
    expect(anyway.status).toBe(201);
    // The domain stays with the file that had it.
    expect(anyway.json.keys).toEqual([]);
    const card = (await t.request('GET', '/api/context?url=https%3A%2F%2Fxz-land.com.cn')).json;
    expect(card.customer.id).toBe(first);
  });

  it('does not reveal a file the caller may not see', async () => {
    const t = makeTestApp();
    const li = t.addUser('li', 'member');
    const wang = t.addUser('wang', 'member');
    await t.request('POST', '/api/customers', { name: 'Li Co', tier: 'A', website: 'li-co.cn' }, li.headers);
    const r = await t.request(
      'POST',
      '/api/customers',
      { name: 'Li Co', tier: 'A', website: 'li-co.cn' },
      wang.headers,
    );
    expect(r.status).toBe(409);
    expect(r.json.error.details).toEqual({ code: 'duplicate_customer', kind: 'domain', value: 'li-co.cn' });
    expect(r.json.error.message).not.toContain('Li Co');
  });
});
