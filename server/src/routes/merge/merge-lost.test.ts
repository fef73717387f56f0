import { describe, expect, it } from 'vitest';
import { dumpAll } from '../../dump.test-helpers.ts';
import { makeTestApp, type TestApp } from '../../test-utils.ts';

// Tables a merge or undo legitimately writes to as a record of itself (its key among the replays).
const OWN_RECORDS = ['audit_log', 'merges', 'replays'];

const open = async (t: TestApp, name: string, tier = 'B') =>
  (await t.request('POST', '/api/customers', { name, tier })).json.id as number;
const lose = async (t: TestApp, id: number) =>
  expect(
    (
      await t.request('PATCH', `/api/customers/${id}`, {
        status: 'lost',
        lostReasonCode: 'price',
        lostReason: '对手低价',
      })
    ).status,
  ).toBe(200);
const reasons = async (t: TestApp, id: number) =>
  ((await t.request('GET', `/api/customers/${id}/tier-history`)).json.changes as { reason: string }[]).map(
    (c) => c.reason,
  );
const board = async (t: TestApp) => (await t.request('GET', '/api/due?within=7d')).json;

describe('merges with a lost file', () => {
  it('a live file merged into a lost one brings it back: its appointment and promise stand on the board; undo puts the loss back', async () => {
    const t = makeTestApp('2026-11-02T01:00:00.000Z');
    const lost = await open(t, '无锡融创置业有限公司', 'A');
    await lose(t, lost);
    // The live file was opened (and called) before the other one's loss was recorded.
    t.setNow('2026-11-30T01:00:00.000Z');
    const live = await open(t, '融创置业（无锡）有限公司', 'A');
    await t.request('POST', '/api/interactions', {
      customerId: live,
      kind: 'call',
      appointment: '2026-12-08T02:00:00.000Z',
      idempotencyKey: 'call-live-0001',
    });
    await t.request('POST', '/api/commitments', { customerId: live, text: '报价', dueAt: '2026-12-08T04:00:00.000Z' });
    t.setNow('2026-12-07T01:00:00.000Z');
    const before = await dumpAll(t, OWN_RECORDS);

    const m = await t.request('POST', `/api/customers/${lost}/merge`, { from: live });
    expect(m.status).toBe(201);
    expect(m.json.filled).toContain('status');
    for (const hidden of ['statusByContact', 'lostAt', 'lostReason', 'lostReasonCode', 'reopenedAt'])
      expect(m.json.filled).not.toContain(hidden);
    const file = (await t.request('GET', `/api/customers/${lost}`)).json;
    expect(file).toMatchObject({
      status: 'active',
      lostAt: null,
      lostReasonCode: null,
      appointment: '2026-12-08T02:00:00.000Z',
      lastCallAt: '2026-11-30T01:00:00.000Z',
    });
    expect(JSON.stringify(await board(t))).toContain('报价');
    expect((await t.request('GET', `/api/customers/${lost}/commitments`)).json.commitments).toHaveLength(1);
    // The file's history says it came back, from which loss, and by merging which file.
    expect(await reasons(t, lost)).toContain(
      'reopened (lost 2026-11-02, price: 对手低价) by merging: 融创置业（无锡）有限公司',
    );
    expect((await t.request('GET', '/api/lost?from=2026-11-01&to=2026-12-31')).json.customers).toHaveLength(0);

    expect((await t.request('POST', `/api/merges/${m.json.mergeId}/undo`)).status).toBe(200);
    expect(await dumpAll(t, OWN_RECORDS)).toEqual(before);
  });

  it('a lost file merged into a live one: the live file stays as it is and its history names the loss', async () => {
    const t = makeTestApp('2026-12-01T01:00:00.000Z');
    const lost = await open(t, '融创置业（无锡）有限公司', 'A');
    await lose(t, lost);
    const live = await open(t, '无锡融创置业有限公司', 'A');
    await t.request('POST', '/api/interactions', { customerId: live, kind: 'call', idempotencyKey: 'call-live-0002' });
    t.setNow('2026-12-07T01:00:00.000Z');
    const before = await dumpAll(t, OWN_RECORDS);
    const m = await t.request('POST', `/api/customers/${live}/merge`, { from: lost });
    expect(m.status).toBe(201);
    expect(m.json.filled).not.toContain('status');
    expect((await t.request('GET', `/api/customers/${live}`)).json).toMatchObject({ status: 'active', lostAt: null });
    expect(await reasons(t, live)).toContain('merged (lost 2026-12-01, price: 对手低价): 融创置业（无锡）有限公司');
    expect((await t.request('POST', `/api/merges/${m.json.mergeId}/undo`)).status).toBe(200);
    expect(await dumpAll(t, OWN_RECORDS)).toEqual(before);
  });

  it('a file won back merged with one never lost counts from the earlier start: an appointment fixed before it was won back stands', async () => {
    const t = makeTestApp('2026-11-20T01:00:00.000Z');
    const live = await open(t, '南京万科置业有限公司');
    await t.request('POST', '/api/interactions', {
      customerId: live,
      kind: 'call',
      appointment: '2026-12-10T02:00:00.000Z',
      idempotencyKey: 'call-live-0003',
    });
    // The other file: won back on 11-25, so contacts before that day did not count for it.
    const wonBack = await open(t, '万科置业（南京）有限公司');
    await lose(t, wonBack);
    t.setNow('2026-11-25T01:00:00.000Z');
    expect((await t.request('POST', `/api/customers/${wonBack}/reopen`)).status).toBe(200);
    t.setNow('2026-12-07T01:00:00.000Z');
    expect((await t.request('POST', `/api/customers/${wonBack}/merge`, { from: live })).status).toBe(201);
    expect((await t.request('GET', `/api/customers/${wonBack}`)).json).toMatchObject({
      appointment: '2026-12-10T02:00:00.000Z',
      lastCallAt: '2026-11-20T01:00:00.000Z',
    });
  });

  it('a file won back merged with a new empty duplicate, either way round, stays due as it was: not overdue from its calls before the loss', async () => {
    for (const intoWonBack of [true, false]) {
      const t = makeTestApp('2026-11-27T06:00:00.000Z');
      const wonBack = await open(t, '常州宏达建材有限公司', 'A');
      await t.request('POST', '/api/interactions', {
        customerId: wonBack,
        kind: 'call',
        idempotencyKey: 'before-loss',
      });
      await lose(t, wonBack);
      t.setNow('2026-12-08T01:00:00.000Z');
      expect((await t.request('POST', `/api/customers/${wonBack}/reopen`)).status).toBe(200);
      const empty = await open(t, '宏达建材（常州）销售有限公司', 'C');
      const [survivor, from] = intoWonBack ? [wonBack, empty] : [empty, wonBack];
      expect((await t.request('POST', `/api/customers/${survivor}/merge`, { from })).status).toBe(201);
      const card = (await t.request('GET', `/api/customers/${survivor}`)).json;
      expect(card.nextCallDue).toBe('2026-12-08T15:59:59.999Z');
      const due = await board(t);
      expect(due.overdue.map((i: { customerId: number }) => i.customerId)).not.toContain(survivor);
    }
  });
});
