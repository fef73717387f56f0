import { describe, expect, it } from 'vitest';
import { idem, makeTestApp, type TestApp } from '../../test-utils.ts';

const open = async (t: TestApp, name: string) =>
  (await t.request('POST', '/api/customers', { name, tier: 'B' })).json.id as number;
const rename = (t: TestApp, id: number, body: Record<string, unknown>) =>
  t.request('PATCH', `/api/customers/${id}`, body);
const found = async (t: TestApp, q: string) =>
  (await t.request('GET', `/api/search?q=${encodeURIComponent(q)}`)).json.results.map((h: { id: number }) => h.id);
const landWon = (t: TestApp, winner: string, parcelNo: string) =>
  t.request('POST', '/api/captures', {
    idempotencyKey: idem('cap'),
    capture: {
      url: 'https://www.landchina.com/result/2026-12.html',
      kind: 'land',
      adapter: 'land-result-table',
      company: null,
      people: [],
      message: null,
      parcels: [{ parcelNo, dealPrice: 98000000, dealDate: '2026-12-01', winner }],
    },
    target: { land: {} },
  });

describe('a renamed company keeps its former names (曾用名)', () => {
  it('a rename keeps the old name, latest first; a name taken back leaves them; width or spacing is no rename', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const id = await open(t, '徐州万达置业有限公司');
    expect((await t.request('GET', `/api/customers/${id}`)).json.formerNames).toEqual([]);
    await rename(t, id, { name: '徐州万达商业管理有限公司' });
    await rename(t, id, { name: '徐州万达商业管理集团有限公司' });
    expect((await t.request('GET', `/api/customers/${id}`)).json).toMatchObject({
      name: '徐州万达商业管理集团有限公司',
      formerNames: ['徐州万达商业管理有限公司', '徐州万达置业有限公司'],
    });
    await rename(t, id, { name: '徐州万达商业管理有限公司' });
    expect((await t.request('GET', `/api/customers/${id}`)).json.formerNames).toEqual([
      '徐州万达商业管理集团有限公司',
      '徐州万达置业有限公司',
    ]);
    await rename(t, id, { name: '徐州万达商业管理有限公司 ' });
    await rename(t, id, { tier: 'A' });
    expect((await t.request('GET', `/api/customers/${id}`)).json.formerNames).toHaveLength(2);
  });

  it('the list can be set by hand (as a registry lists them), and is checked', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const id = await open(t, '江苏嘉华建设集团有限公司');
    const set = await rename(t, id, {
      formerNames: ['江苏嘉华建设有限公司', '江苏嘉华建设有限公司', '江苏嘉华建设集团有限公司'],
    });
    expect(set.status).toBe(200);
    expect(set.json.formerNames).toEqual(['江苏嘉华建设有限公司']);
    const bad = await rename(t, id, { formerNames: [''] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_request');
    const many = await rename(t, id, { formerNames: Array.from({ length: 21 }, (_, i) => `嘉华${i}号公司`) });
    expect(many.status).toBe(400);
    expect((await t.request('GET', `/api/customers/${id}`)).json.formerNames).toEqual(['江苏嘉华建设有限公司']);
  });

  it('search finds the file by a former name, its initials and pinyin', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const id = await open(t, '徐州恒泰置业有限公司');
    await rename(t, id, { name: '徐州云龙城市发展有限公司' });
    expect(await found(t, '恒泰置业')).toEqual([id]);
    expect(await found(t, '恒泰')).toEqual([id]);
    expect(await found(t, 'xzht')).toEqual([id]);
    expect(await found(t, 'hengtai')).toEqual([id]);
    expect(await found(t, '云龙城市')).toEqual([id]);
  });

  it('a land result naming the former name joins the renamed file instead of opening a second one', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const id = await open(t, '徐州恒泰置业有限公司');
    await rename(t, id, { name: '徐州云龙城市发展有限公司' });
    const won = await landWon(t, '徐州恒泰置业有限公司', '徐土2026-31号');
    expect(won.status).toBe(201);
    expect(won.json).toMatchObject({ created: [], customerIds: [id] });
    // A company called now what another file was once called is that file (its name wins).
    const now = await open(t, '徐州恒泰置业有限公司');
    const again = await landWon(t, '徐州恒泰置业有限公司', '徐土2026-32号');
    expect(again.json).toMatchObject({ created: [], customerIds: [now] });
    // Another city's company of the same normalised name is another company.
    const other = await landWon(t, '南京恒泰置业有限公司', '宁土2026-07号');
    expect(other.json.created).toHaveLength(1);
  });

  it('a page naming the company by a former name suggests the renamed file', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const id = await open(t, '扬州瘦西湖地产有限公司');
    await rename(t, id, { name: '江都蜀冈置业有限公司' });
    const page = (name: string) =>
      t.request('GET', `/api/context?url=https://news.example.com/a&name=${encodeURIComponent(name)}`);
    expect((await page('扬州瘦西湖地产')).json.suggestions).toEqual([
      { id, name: '江都蜀冈置业有限公司', tier: 'B', reason: 'a former name' },
    ]);
    expect((await page('江都蜀冈置业')).json.suggestions).toEqual([
      { id, name: '江都蜀冈置业有限公司', tier: 'B', reason: 'same name after normalisation' },
    ]);
  });

  it('a merge keeps the other file’s names on the survivor; undone, they leave it', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const survivor = await open(t, '徐州云龙城市发展有限公司');
    const from = await open(t, '徐州恒泰置业有限公司');
    await rename(t, from, { name: '徐州恒泰置业发展有限公司' });
    const merged = await t.request('POST', `/api/customers/${survivor}/merge`, { from });
    expect(merged.status).toBe(201);
    expect((await t.request('GET', `/api/customers/${survivor}`)).json.formerNames).toEqual([
      '徐州恒泰置业发展有限公司',
      '徐州恒泰置业有限公司',
    ]);
    expect(await found(t, '恒泰置业')).toEqual([survivor]);
    expect((await t.request('POST', `/api/merges/${merged.json.mergeId}/undo`)).status).toBe(200);
    expect((await t.request('GET', `/api/customers/${survivor}`)).json.formerNames).toEqual([]);
    expect(await found(t, '恒泰置业')).toEqual([from]);
  });
});
