import { describe, expect, it } from 'vitest';
import { idem, makeTestApp, type TestApp } from '../../test-utils.ts';

async function customer(t: TestApp, tier = 'A') {
  const r = await t.request('POST', '/api/customers', {
    name: '徐州嘉华融通置业有限公司',
    tier,
    website: 'xz-land.com.cn',
  });
  return r.json.id as number;
}

describe('interactions', () => {
  it('a logged call moves next call due by the tier call days, in the same write', async () => {
    const t = makeTestApp('2026-11-01T02:00:00.000Z');
    const id = await customer(t, 'B');
    t.setNow('2026-11-20T03:00:00.000Z');
    const r = await t.request('POST', '/api/interactions', {
      customerId: id,
      kind: 'call',
      summary: '电话沟通',
      idempotencyKey: idem(),
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ kind: 'call', at: '2026-11-20T03:00:00.000Z', summary: '电话沟通' });
    const c = await t.request('GET', `/api/customers/${id}`);
    expect(c.json).toMatchObject({
      lastCallAt: '2026-11-20T03:00:00.000Z',
      nextCallDue: '2026-11-27T03:00:00.000Z',
      followUps: 1,
    });
    // B visits every 90 days from creation; a call does not reset it. Day 90 is Saturday
    // 30 January 2027, so the visit falls due on the Friday before.
    expect(c.json.nextVisitDue).toBe('2027-01-29T02:00:00.000Z');
  });

  it('a replay of the same idempotency key returns the first result and writes nothing new', async () => {
    const t = makeTestApp();
    const id = await customer(t);
    const body = { customerId: id, kind: 'call', summary: 'first', idempotencyKey: 'outbox-abc-123' };
    const a = await t.request('POST', '/api/interactions', body);
    const b = await t.request('POST', '/api/interactions', body);
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(b.json).toEqual(a.json);
    expect(await t.count('interactions')).toBe(1);
    // The key answers only the request it was first sent with (services/replay.ts).
    for (const other of [
      { ...body, kind: 'visit' },
      { ...body, summary: 'retry' },
    ])
      expect((await t.request('POST', '/api/interactions', other)).status).toBe(409);
  });

  it('a visit resets both clocks; its appointment becomes next due until the next contact', async () => {
    const t = makeTestApp('2026-11-01T00:00:00.000Z');
    const id = await customer(t, 'C');
    t.setNow('2026-11-10T00:00:00.000Z');
    const logged = await t.request('POST', '/api/interactions', {
      customerId: id,
      kind: 'visit',
      appointment: '2026-11-12T06:00:00.000Z',
      visit: { needs: '二期项目', entryPoint: '物业服务' },
      idempotencyKey: idem(),
    });
    // The record as written comes back whole: the visit sheet as an object, the flag a boolean.
    expect(logged.json).toMatchObject({
      visit: { needs: '二期项目', entryPoint: '物业服务' },
      meetsAppointment: false,
      appointment: '2026-11-12T06:00:00.000Z',
    });
    const history = (await t.request('GET', `/api/customers/${id}/interactions`)).json;
    expect(JSON.stringify(history)).toContain('"entryPoint":"物业服务"');
    let c = (await t.request('GET', `/api/customers/${id}`)).json;
    expect(c).toMatchObject({
      lastVisitAt: '2026-11-10T00:00:00.000Z',
      nextVisitDue: '2027-03-10T00:00:00.000Z',
      nextCallDue: '2026-11-24T00:00:00.000Z',
      appointment: '2026-11-12T06:00:00.000Z',
      nextDue: '2026-11-12T06:00:00.000Z',
    });
    t.setNow('2026-11-12T07:00:00.000Z');
    await t.request('POST', '/api/interactions', { customerId: id, kind: 'call', idempotencyKey: idem() });
    c = (await t.request('GET', `/api/customers/${id}`)).json;
    expect(c.appointment).toBeNull();
    expect(c.nextDue).toBe('2026-11-26T07:00:00.000Z');
  });

  it('undo removes the call from the history and restores the due dates', async () => {
    const t = makeTestApp('2026-11-01T00:00:00.000Z');
    const id = await customer(t, 'A');
    t.setNow('2026-11-05T00:00:00.000Z');
    const call = await t.request('POST', '/api/interactions', { customerId: id, kind: 'call', idempotencyKey: idem() });
    expect((await t.request('GET', `/api/customers/${id}`)).json.nextCallDue).toBe('2026-11-12T00:00:00.000Z');
    const undo = await t.request('DELETE', `/api/interactions/${call.json.id}`);
    expect(undo.status).toBe(200);
    const c = (await t.request('GET', `/api/customers/${id}`)).json;
    // Back to the first call, due by the end of the day the file was opened (Shanghai).
    expect(c).toMatchObject({ nextCallDue: '2026-11-01T15:59:59.999Z', lastCallAt: null, followUps: 0 });
    expect((await t.request('GET', `/api/customers/${id}/interactions`)).json.interactions).toEqual([]);
    expect((await t.request('DELETE', `/api/interactions/${call.json.id}`)).status).toBe(404);
  });

  it('rejects unknown customers, foreign people and bad kinds without writing', async () => {
    const t = makeTestApp();
    const id = await customer(t);
    expect(
      (await t.request('POST', '/api/interactions', { customerId: 9999, kind: 'call', idempotencyKey: idem() })).status,
    ).toBe(404);
    expect(
      (await t.request('POST', '/api/interactions', { customerId: id, kind: 'fax', idempotencyKey: idem() })).status,
    ).toBe(400);
    expect((await t.request('POST', '/api/interactions', { customerId: id, kind: 'call' })).status).toBe(400);
    expect(
      (
        await t.request('POST', '/api/interactions', {
          customerId: id,
          kind: 'call',
          personId: 42,
          idempotencyKey: idem(),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.request('POST', '/api/interactions', {
          customerId: id,
          kind: 'call',
          at: 'yesterday',
          idempotencyKey: idem(),
        })
      ).status,
    ).toBe(400);
    expect(await t.count('interactions')).toBe(0);
  });

  it('commitments appear on the board until kept', async () => {
    const t = makeTestApp('2026-11-23T01:00:00.000Z');
    const id = await customer(t);
    const m = await t.request('POST', '/api/commitments', {
      customerId: id,
      text: 'Send the proposal',
      dueAt: '2026-11-23T02:00:00.000Z',
    });
    expect(m.status).toBe(201);
    let board = (await t.request('GET', '/api/due?within=7d')).json;
    expect(board.today).toContainEqual(expect.objectContaining({ reason: 'commitment', text: 'Send the proposal' }));
    expect((await t.request('POST', `/api/commitments/${m.json.id}/kept`)).json.keptAt).toBe(
      '2026-11-23T01:00:00.000Z',
    );
    board = (await t.request('GET', '/api/due?within=7d')).json;
    expect(board.today.filter((i: { reason: string }) => i.reason === 'commitment')).toEqual([]);
  });
});
