import { describe, expect, it } from 'vitest';
import { isoWeek } from '../../services/focus.ts';
import { idem, makeTestApp } from '../../test-utils.ts';

describe('the customer file: history, parcels, commitments, materials; pipeline, lost, focus', () => {
  it('numbers materials, serves files as attachments, and lists tier history and commitments', async () => {
    const t = makeTestApp('2026-11-01T00:00:00.000Z');
    const id = (await t.request('POST', '/api/customers', { name: '嘉华融通', tier: 'C' })).json.id;
    const link = await t.request('POST', `/api/customers/${id}/materials`, {
      title: '公司简介',
      url: 'https://xz-land.com.cn/about.pdf',
    });
    const file = await t.request('POST', `/api/customers/${id}/materials`, {
      title: '产品介绍',
      fileName: '产品介绍.txt',
      mimeType: 'text/plain',
      contentBase64: Buffer.from('住宅 商业').toString('base64'),
    });
    expect([link.json.number, file.json.number]).toEqual([1, 2]);
    expect(file.json.bytes).toBe(Buffer.byteLength('住宅 商业'));
    expect(
      (await t.request('POST', `/api/customers/${id}/materials`, { title: 'x', url: 'javascript:alert(1)' })).status,
    ).toBe(400);
    const dl = await t.app.request(`/api/customers/${id}/materials/${file.json.id}/file`, {
      headers: { authorization: 'Bearer test-token-0123456789' },
    });
    expect(dl.headers.get('content-disposition')).toContain('attachment');
    expect(Buffer.from(await dl.arrayBuffer()).toString()).toBe('住宅 商业');
    expect((await t.request('DELETE', `/api/customers/${id}/materials/${link.json.id}`)).status).toBe(204);
    expect(
      (await t.request('GET', `/api/customers/${id}/materials`)).json.materials.map(
        (m: { number: number }) => m.number,
      ),
    ).toEqual([2]);

    await t.request('PATCH', `/api/customers/${id}`, { tier: 'A' });
    expect(
      (await t.request('GET', `/api/customers/${id}/tier-history`)).json.changes.map(
        (c: { toTier: string }) => c.toTier,
      ),
    ).toEqual(['C', 'A']);
    const kept = await t.request('POST', '/api/commitments', {
      customerId: id,
      text: '发送报价',
      dueAt: '2026-11-02T02:00:00Z',
    });
    await t.request('POST', '/api/commitments', { customerId: id, text: '约董事长', dueAt: '2026-11-05T02:00:00Z' });
    await t.request('POST', `/api/commitments/${kept.json.id}/kept`);
    const list = (await t.request('GET', `/api/customers/${id}/commitments`)).json.commitments;
    expect(list.map((c: { text: string }) => c.text)).toEqual(['约董事长', '发送报价']);
  });

  it('marking a customer lost asks why and records when; the lost view counts by tier, owner and reason', async () => {
    const t = makeTestApp('2026-11-10T00:00:00.000Z');
    t.addUser('li', 'member');
    const a = (await t.request('POST', '/api/customers', { name: 'Lost A', tier: 'A', owner: 'li' })).json.id;
    const b = (await t.request('POST', '/api/customers', { name: 'Lost B', tier: 'B', owner: 'li' })).json.id;
    const noWhy = await t.request('PATCH', `/api/customers/${a}`, { status: 'lost' });
    expect(noWhy.status).toBe(400);
    expect((await t.request('GET', `/api/customers/${a}`)).json.status).toBe('prospect');
    const r = await t.request('PATCH', `/api/customers/${a}`, {
      status: 'lost',
      lostReasonCode: 'competitor',
      lostReason: '选择了另一家物业公司',
    });
    expect(r.json).toMatchObject({ status: 'lost', lostAt: '2026-11-10T00:00:00.000Z' });
    await t.request('PATCH', `/api/customers/${b}`, { status: 'lost', lostReasonCode: 'price' });
    const lost = (await t.request('GET', '/api/lost?from=2026-11-01&to=2026-11-30')).json;
    expect(lost.customers.map((c: { name: string }) => c.name).sort()).toEqual(['Lost A', 'Lost B']);
    expect(lost.byTier).toEqual({ A: 1, B: 1 });
    expect(lost.byOwner).toEqual({ li: 2 });
    expect(lost.byReason).toEqual({ competitor: 1, price: 1 });
    expect((await t.request('GET', '/api/lost?from=2026-12-01')).json.customers).toEqual([]);
    // Won back: the loss date is cleared.
    expect((await t.request('PATCH', `/api/customers/${a}`, { status: 'active' })).json.lostAt).toBeNull();
  });

  it('the pipeline groups cases by stage with follow-up counts and next steps', async () => {
    const t = makeTestApp();
    const a = (
      await t.request('POST', '/api/customers', {
        name: 'Won land',
        tier: 'C',
        stage: 'land_won',
        nextStep: '首次电话',
      })
    ).json.id;
    await t.request('POST', '/api/customers', { name: 'Proposal', tier: 'B', stage: 'proposal' });
    await t.request('POST', '/api/customers', { name: 'No stage', tier: 'B' });
    for (const kind of ['call', 'visit', 'note'])
      await t.request('POST', '/api/interactions', { customerId: a, kind, idempotencyKey: idem() });
    const stages = (await t.request('GET', '/api/pipeline')).json.stages;
    expect(stages.map((s: { stage: string; count: number }) => `${s.stage}:${s.count}`)).toEqual([
      'land_won:1',
      'contacted:0',
      'serviced:0',
      'proposal:1',
      'signed:0',
      'after_sales:0',
    ]);
    expect(stages[0].cases[0]).toMatchObject({ name: 'Won land', followUps: 2, nextStep: '首次电话' });
  });

  it('keeps focus notes per user for today, tomorrow and the ISO week', async () => {
    const t = makeTestApp('2026-11-23T02:00:00.000Z');
    expect((await t.request('PUT', '/api/focus', { period: '2026-11-23', text: '打三个A类电话' })).status).toBe(204);
    await t.request('PUT', '/api/focus', { period: '2026-W48', text: '拜访嘉华' });
    const f = (await t.request('GET', '/api/focus')).json;
    expect(f).toEqual({
      today: { period: '2026-11-23', text: '打三个A类电话' },
      tomorrow: { period: '2026-11-24', text: '' },
      week: { period: '2026-W48', text: '拜访嘉华' },
    });
    const li = t.addUser('li', 'member');
    expect((await t.request('GET', '/api/focus', undefined, li.headers)).json.today.text).toBe('');
    expect(['2026-01-01', '2027-01-01', '2026-12-31', '2024-12-30'].map(isoWeek)).toEqual([
      '2026-W01',
      '2026-W53',
      '2026-W53',
      '2025-W01',
    ]);
  });
});
