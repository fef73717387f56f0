import { describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test-utils.ts';

type Item = { reason: string; commitmentId?: number };
const open = async (t: TestApp) =>
  (await t.request('POST', '/api/customers', { name: '徐州嘉华融通置业有限公司', tier: 'B' })).json.id as number;
const promise = async (t: TestApp, customerId: number, text: string, dueAt: string) =>
  (await t.request('POST', '/api/commitments', { customerId, text, dueAt })).json.id as number;
/** The board's promises by bucket: which bucket each open promise is in. */
async function board(t: TestApp) {
  const b = (await t.request('GET', '/api/due?within=7d')).json as Record<string, Item[]>;
  const where: Record<number, string> = {};
  for (const bucket of ['overdue', 'today', 'tomorrow', 'thisWeek'])
    for (const i of b[bucket] ?? []) if (i.reason === 'commitment' && i.commitmentId) where[i.commitmentId] = bucket;
  return where;
}
const listOf = async (t: TestApp, id: number) =>
  (await t.request('GET', `/api/customers/${id}/commitments`)).json.commitments as Record<string, unknown>[];

describe('a promise can be withdrawn or moved, not only kept', () => {
  it('withdrawn with why: off the board and out of the feed, kept on the file after the open ones', async () => {
    // Monday 7 December, 10:00 in Shanghai.
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const id = await open(t);
    const sample = await promise(t, id, '寄样品', '2026-12-04T02:00:00.000Z');
    const quote = await promise(t, id, '发送报价单', '2026-12-09T02:00:00.000Z');
    expect(await board(t)).toEqual({ [sample]: 'overdue', [quote]: 'thisWeek' });

    const r = await t.request('POST', `/api/commitments/${sample}/withdrawn`, { reason: '  客户说不需要了 ' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      withdrawnAt: '2026-12-07T02:00:00.000Z',
      withdrawnReason: '客户说不需要了',
      keptAt: null,
    });
    expect(await board(t)).toEqual({ [quote]: 'thisWeek' });
    expect((await listOf(t, id)).map((c) => [c.text, c.withdrawnReason])).toEqual([
      ['发送报价单', null],
      ['寄样品', '客户说不需要了'],
    ]);
    const feed = (await t.request('POST', '/api/calendar/feed')).json.path as string;
    const ics = await (await t.app.request(feed)).text();
    expect(ics).toContain('发送报价单');
    expect(ics).not.toContain('寄样品');

    // Again: the first withdrawal stands; a withdrawn promise is not kept, nor a kept one withdrawn.
    t.advanceDays(1);
    expect((await t.request('POST', `/api/commitments/${sample}/withdrawn`, {})).json.withdrawnAt).toBe(
      '2026-12-07T02:00:00.000Z',
    );
    const keep = await t.request('POST', `/api/commitments/${sample}/kept`);
    expect([keep.status, keep.json.error.code]).toEqual([409, 'conflict']);
    await t.request('POST', `/api/commitments/${quote}/kept`);
    const late = await t.request('POST', `/api/commitments/${quote}/withdrawn`, {});
    expect([late.status, late.json.error.code]).toEqual([409, 'conflict']);
    expect((await listOf(t, id)).map((c) => [c.text, !!c.keptAt, !!c.withdrawnAt])).toEqual([
      ['寄样品', false, true],
      ['发送报价单', true, false],
    ]);
  });

  it('moved to another day or reworded while open; a settled one or an empty change is refused', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const id = await open(t);
    const quote = await promise(t, id, '发送报价单', '2026-12-04T02:00:00.000Z');
    const moved = await t.request('PATCH', `/api/commitments/${quote}`, {
      dueAt: '2026-12-08T09:00:00+08:00',
      text: '发送修改后的报价单',
    });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ dueAt: '2026-12-08T01:00:00.000Z', text: '发送修改后的报价单' });
    expect(await board(t)).toEqual({ [quote]: 'tomorrow' });
    const empty = await t.request('PATCH', `/api/commitments/${quote}`, {});
    expect([empty.status, empty.json.error.code]).toEqual([400, 'invalid_request']);
    await t.request('POST', `/api/commitments/${quote}/kept`);
    const after = await t.request('PATCH', `/api/commitments/${quote}`, { dueAt: '2026-12-20T01:00:00.000Z' });
    expect([after.status, after.json.error.code]).toEqual([409, 'conflict']);
    expect((await t.request('PATCH', '/api/commitments/99999', { text: 'x' })).status).toBe(404);
  });

  it('a file lost withdraws its open promises with why; won back, it is not overdue on them', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const id = await open(t);
    const quote = await promise(t, id, '发送报价单', '2026-12-09T02:00:00.000Z');
    const kept = await promise(t, id, '寄资料', '2026-12-08T02:00:00.000Z');
    await t.request('POST', `/api/commitments/${kept}/kept`);
    t.advanceDays(1);
    const lost = await t.request('PATCH', `/api/customers/${id}`, {
      status: 'lost',
      lostReasonCode: 'competitor',
      lostReason: '被同行低价抢走',
    });
    expect(lost.status).toBe(200);
    // Won back in January: the promise of December stays withdrawn, on the file, off the board.
    t.setNow('2027-01-11T02:00:00.000Z');
    expect((await t.request('POST', `/api/customers/${id}/reopen`)).status).toBe(200);
    expect(await board(t)).toEqual({});
    const card = (await t.request('GET', `/api/customers/${id}`)).json;
    expect(card.nextDue).toBe('2027-01-11T15:59:59.999Z');
    expect((await listOf(t, id)).map((c) => [c.id, c.withdrawnAt, c.withdrawnReason, !!c.keptAt])).toEqual([
      [kept, null, null, true],
      [quote, '2026-12-08T02:00:00.000Z', 'lost (competitor: 被同行低价抢走)', false],
    ]);
  });
});
