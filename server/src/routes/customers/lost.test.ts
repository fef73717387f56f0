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
