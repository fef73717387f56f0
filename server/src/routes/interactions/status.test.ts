import { describe, expect, it } from 'vitest';
import { idem, makeTestApp, type TestApp } from '../../test-utils.ts';

const open = async (t: TestApp, fields: Record<string, unknown> = {}) =>
  (await t.request('POST', '/api/customers', { name: '徐州新盛置业有限公司', tier: 'B', ...fields })).json.id as number;
const log = async (t: TestApp, customerId: number, kind: string) =>
  (await t.request('POST', '/api/interactions', { customerId, kind, idempotencyKey: idem() })).json.id as number;
const statusOf = async (t: TestApp, id: number) => (await t.request('GET', `/api/customers/${id}`)).json.status;
const listed = async (t: TestApp, status: string) =>
  (await t.request('GET', `/api/customers?status=${status}`)).json.customers.map((c: { id: number }) => c.id);

describe("a file's status follows its first conversation", () => {
  it('a prospect is active once called, and listed so; an e-mail or a note alone does not make it so', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const id = await open(t);
    await log(t, id, 'email');
    await log(t, id, 'note');
    expect(await statusOf(t, id)).toBe('prospect');
    await log(t, id, 'call');
    expect(await statusOf(t, id)).toBe('active');
    expect(await listed(t, 'active')).toEqual([id]);
    expect(await listed(t, 'prospect')).toEqual([]);
  });

  it('a visit makes it active too; undoing the only conversation makes it a prospect again, not while another stands', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const id = await open(t);
    const visit = await log(t, id, 'visit');
    const call = await log(t, id, 'call');
    expect(await statusOf(t, id)).toBe('active');
    expect((await t.request('DELETE', `/api/interactions/${call}`)).status).toBe(200);
    expect(await statusOf(t, id)).toBe('active');
    expect((await t.request('DELETE', `/api/interactions/${visit}`)).status).toBe(200);
    expect(await statusOf(t, id)).toBe('prospect');
  });

  it('leaves the statuses that are the user’s: signed stays signed, an active file imported without history stays active', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const signed = await open(t, { status: 'signed' });
    await log(t, signed, 'call');
    expect(await statusOf(t, signed)).toBe('signed');
    const active = await open(t, { name: '徐州老客户有限公司', status: 'active' });
    const note = await log(t, active, 'note');
    await t.request('DELETE', `/api/interactions/${note}`);
    expect(await statusOf(t, active)).toBe('active');
    // A prospect the user set back by hand stays one until it is next spoken to.
    const worked = await open(t, { name: '徐州回头客有限公司' });
    await log(t, worked, 'call');
    expect((await t.request('PATCH', `/api/customers/${worked}`, { status: 'prospect', tier: 'C' })).status).toBe(200);
    expect(await statusOf(t, worked)).toBe('prospect');
    await log(t, worked, 'email');
    expect(await statusOf(t, worked)).toBe('prospect');
    await log(t, worked, 'call');
    expect(await statusOf(t, worked)).toBe('active');
  });

  it('a file the user made active stays active when a call logged on it by mistake is undone', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    // Entered active by hand (a customer of years), then a call meant for another file.
    const entered = await open(t, { status: 'active' });
    const wrong = await log(t, entered, 'call');
    expect((await t.request('DELETE', `/api/interactions/${wrong}`)).status).toBe(200);
    expect(await statusOf(t, entered)).toBe('active');
    // Set active by hand while a prospect, then the same.
    const set = await open(t, { name: '徐州恒通置业有限公司' });
    expect((await t.request('PATCH', `/api/customers/${set}`, { status: 'active' })).status).toBe(200);
    const mistake = await log(t, set, 'call');
    await t.request('DELETE', `/api/interactions/${mistake}`);
    expect(await statusOf(t, set)).toBe('active');
    // A file the call made active goes back, also when a later call is undone first.
    const called = await open(t, { name: '徐州鼎盛置业有限公司' });
    const first = await log(t, called, 'call');
    const second = await log(t, called, 'call');
    await t.request('DELETE', `/api/interactions/${second}`);
    expect(await statusOf(t, called)).toBe('active');
    await t.request('DELETE', `/api/interactions/${first}`);
    expect(await statusOf(t, called)).toBe('prospect');
  });

  it('a file reopened from lost is the user’s status: undoing a call after it does not demote it', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const id = await open(t);
    await log(t, id, 'call');
    const lost = { status: 'lost', lostReasonCode: 'price' };
    expect((await t.request('PATCH', `/api/customers/${id}`, lost)).status).toBe(200);
    expect((await t.request('POST', `/api/customers/${id}/reopen`)).status).toBe(200);
    expect(await statusOf(t, id)).toBe('active');
    const again = await log(t, id, 'call');
    await t.request('DELETE', `/api/interactions/${again}`);
    expect(await statusOf(t, id)).toBe('active');
  });
});
