import { describe, expect, it } from 'vitest';
import { searchRows } from '../../dump.test-helpers.ts';
import { idem, makeTestApp, type TestApp } from '../../test-utils.ts';

const companyCapture = {
  url: 'https://www.xz-land.com.cn/contact.html',
  kind: 'company',
  adapter: 'generic',
  company: {
    name: '徐州嘉华融通置业有限公司',
    creditCode: '91350100M000100Y43',
    icp: '苏ICP备12345678号',
    phones: ['+86 516 8765 4321', '+86 400 800 1234'],
    faxes: ['+86 516 8765 4322'],
    emails: ['info@xz-land.com.cn'],
    address: '江苏省徐州市云龙区和平路88号',
    products: ['住宅开发', '商业地产'],
  },
  people: [
    { name: '王建国', title: '董事长', mobile: '+86 139 5200 0001' },
    { name: '李娜', title: '销售总监', email: 'lina@xz-land.com.cn' },
  ],
  message: null,
  parcels: [],
};

const landCapture = (parcels: unknown[]) => ({
  url: 'https://www.landchina.com/result/123.html',
  kind: 'land',
  adapter: 'land-result-table',
  company: null,
  people: [],
  message: null,
  parcels,
});

const log = (t: TestApp, customerId: number, kind: string, at: string, intention?: string) =>
  t.request('POST', '/api/interactions', { customerId, kind, at, intention, idempotencyKey: idem() });

const save = (t: TestApp, body: Record<string, unknown>) =>
  t.request('POST', '/api/captures', { idempotencyKey: idem('cap'), ...body });

describe('captures', () => {
  it('saves a company page as a new customer with keys, people, phones; a replay changes nothing', async () => {
    const t = makeTestApp();
    const body = {
      capture: companyCapture,
      target: { new: { name: '徐州嘉华融通置业有限公司', tier: 'B' } },
      addDomainKey: true,
      idempotencyKey: 'capture-0001',
    };
    const r = await t.request('POST', '/api/captures', body);
    expect(r.status).toBe(201);
    expect(r.json.created).toHaveLength(1);
    expect(r.json.added).toEqual({ keys: 4, people: 2, phones: 3, emails: 1 });
    const c = (await t.request('GET', `/api/customers/${r.json.customerIds[0]}`)).json;
    expect(c).toMatchObject({ tier: 'B', address: '江苏省徐州市云龙区和平路88号', products: '住宅开发、商业地产' });
    expect(c.keys.map((k: { kind: string; value: string }) => `${k.kind}=${k.value}`).sort()).toEqual([
      'credit_code=91350100M000100Y43',
      'domain=xz-land.com.cn',
      'email_domain=xz-land.com.cn',
      'icp=苏ICP备12345678号',
    ]);
    expect(c.people.map((p: { name: string }) => p.name)).toEqual(['王建国', '李娜']);
    const again = await t.request('POST', '/api/captures', body);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(r.json);
    expect((await t.request('GET', '/api/customers')).json.total).toBe(1);
    const ctx = await t.request('GET', `/api/context?url=${encodeURIComponent('https://hr.xz-land.com.cn/')}`);
    expect(ctx.json.tier).toBe('B');
  });

  it('adding to an existing file fills blanks and never duplicates people, phones or e-mails', async () => {
    const t = makeTestApp();
    const c = await t.request('POST', '/api/customers', {
      name: '徐州嘉华融通置业有限公司',
      tier: 'A',
      phones: ['0516-87654321'],
      address: '旧地址',
      people: [{ name: '王建国', mobile: '13952000001' }],
    });
    const r = await save(t, { capture: companyCapture, target: { customerId: c.json.id }, addDomainKey: true });
    expect(r.status).toBe(201);
    expect(r.json.added).toMatchObject({ people: 1, phones: 2, emails: 1 });
    const after = (await t.request('GET', `/api/customers/${c.json.id}`)).json;
    expect(after.address).toBe('旧地址');
    expect(after.phones).toEqual(['0516-87654321', '+86 400 800 1234']);
    expect(after.people).toHaveLength(2);
    expect(after.people[0]).toMatchObject({ name: '王建国', title: '董事长', mobile: '13952000001' });
    const twice = await save(t, { capture: companyCapture, target: { customerId: c.json.id }, addDomainKey: true });
    expect(twice.json.added).toEqual({ keys: 0, people: 0, phones: 0, emails: 0 });
  });

  it('the same page clipped again rewrites nothing; a new number on it is written and searchable', async () => {
    const t = makeTestApp();
    const first = await save(t, { capture: companyCapture, target: { new: { name: '嘉华融通', tier: 'B' } } });
    const id = first.json.customerIds[0];
    const before = (await t.request('GET', `/api/customers/${id}`)).json;
    const searchRow = () => searchRows(t, id);
    const rowBefore = await searchRow();
    expect(rowBefore).toHaveLength(1);
    t.setNow('2026-11-23T03:00:00.000Z');
    await save(t, { capture: companyCapture, target: { customerId: id } });
    expect((await t.request('GET', `/api/customers/${id}`)).json.updatedAt).toBe(before.updatedAt);
    expect(await searchRow()).toEqual(rowBefore);
    const more = { ...companyCapture, company: { ...companyCapture.company, phones: ['+86 516 8765 9999'] } };
    const r = await save(t, { capture: more, target: { customerId: id } });
    expect(r.json.added.phones).toBe(1);
    expect((await t.request('GET', `/api/customers/${id}`)).json.updatedAt).not.toBe(before.updatedAt);
    const found = (await t.request('GET', '/api/search?q=87659999')).json.results as { id: number }[];
    expect(found.map((f) => f.id)).toEqual([id]);
  });

  it('remembers the last capture of a page', async () => {
    const t = makeTestApp();
    await save(t, { capture: companyCapture, target: { new: { name: 'X', tier: 'C' } } });
    const r = await t.request('GET', `/api/captures/latest?url=${encodeURIComponent(companyCapture.url)}`);
    expect(r.json.latest.capture.company.name).toBe('徐州嘉华融通置业有限公司');
    expect((await t.request('GET', '/api/captures/latest?url=https%3A%2F%2Fnone.example')).json.latest).toBeNull();
  });

  it('a listed parcel, captured again from its result page, gets its winner as a prospect due at once', async () => {
    const t = makeTestApp('2026-11-23T02:00:00.000Z');
    const listed = await save(t, {
      capture: landCapture([
        { parcelNo: '徐土2026-18号', location: '云龙区和平路东侧', areaM2: 35000, use: '住宅', startPrice: 120000000 },
      ]),
      target: { land: {} },
    });
    expect(listed.json).toMatchObject({ customerIds: [], created: [], parcelIds: [expect.any(Number)] });
    t.setNow('2026-11-23T03:00:00.000Z');
    const dealt = await save(t, {
      capture: landCapture([
        { parcelNo: '徐土2026-18号', dealPrice: 156000000, dealDate: '2026-11-20', winner: '徐州恒泰置业有限公司' },
      ]),
      target: { land: { tier: 'C' } },
    });
    expect(dealt.json.parcelIds).toEqual(listed.json.parcelIds);
    expect(dealt.json.created).toHaveLength(1);
    const winner = (await t.request('GET', `/api/customers/${dealt.json.created[0]}`)).json;
    expect(winner).toMatchObject({
      name: '徐州恒泰置业有限公司',
      tier: 'C',
      status: 'prospect',
      stage: 'land_won',
      // Its first call, not an appointment: nothing was agreed with anyone yet.
      nextCallDue: '2026-11-23T15:59:59.999Z',
      nextDue: '2026-11-23T15:59:59.999Z',
      appointment: null,
    });
    const board = (await t.request('GET', '/api/due?within=7d')).json;
    expect(board.today).toContainEqual(expect.objectContaining({ customerId: winner.id, reason: 'call' }));
    expect(board.today).not.toContainEqual(expect.objectContaining({ customerId: winner.id, reason: 'appointment' }));
    const row = await t.sql('select * from parcels');
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({
      status: 'dealt',
      area_m2: 35000,
      start_price: 120000000,
      deal_price: 156000000,
      customer_id: winner.id,
    });
    const search = await t.request('GET', '/api/search?q=恒泰');
    expect(search.json.results.map((x: { id: number }) => x.id)).toEqual([winner.id]);
  });

  it('links a winner already on file by its name as written, width and spaces aside, instead of creating a second one', async () => {
    const t = makeTestApp();
    const c = await t.request('POST', '/api/customers', { name: '万达置业（徐州）有限公司', tier: 'A' });
    const r = await save(t, {
      capture: landCapture([{ parcelNo: 'P-1', winner: '万达置业(徐州) 有限公司' }]),
      target: { land: {} },
    });
    expect(r.json).toMatchObject({ customerIds: [c.json.id], created: [] });
  });

  it('a customer on file that wins land enters the pipeline as a winner (a case further on keeps its stage), once per parcel', async () => {
    const t = makeTestApp('2026-11-10T02:00:00.000Z');
    const quiet = (await t.request('POST', '/api/customers', { name: '常州宏达建材有限公司', tier: 'B' })).json.id;
    const ahead = (await t.request('POST', '/api/customers', { name: '徐州恒泰置业有限公司', tier: 'B' })).json.id;
    await t.request('PATCH', `/api/customers/${ahead}`, { stage: 'proposal' });
    t.setNow('2026-11-20T02:00:00.000Z');
    const won = landCapture([
      { parcelNo: 'CZ-2026-11', dealPrice: 98000000, dealDate: '2026-11-18', winner: '常州宏达建材有限公司' },
      { parcelNo: 'XZ-2026-18', dealPrice: 156000000, dealDate: '2026-11-18', winner: '徐州恒泰置业有限公司' },
    ]);
    const r = await save(t, { capture: won, target: { land: {} } });
    expect(r.json).toMatchObject({ customerIds: [quiet, ahead], created: [] });
    const stageOf = async (id: number) => (await t.request('GET', `/api/customers/${id}`)).json.stage;
    expect([await stageOf(quiet), await stageOf(ahead)]).toEqual(['land_won', 'proposal']);
    const pipeline = (await t.request('GET', '/api/pipeline')).json.stages;
    const winners = pipeline.find((s: { stage: string }) => s.stage === 'land_won');
    expect(winners.cases.map((c: { id: number }) => c.id)).toEqual([quiet]);
    // Won in November, both are credited in November's review — and not again for the same
    // parcel captured once more in December.
    t.setNow('2026-12-03T02:00:00.000Z');
    await save(t, { capture: won, target: { land: {} } });
    const credited = async (month: string) =>
      (await t.request('GET', `/api/reclassification?month=${month}`)).json.proposals
        .filter((p: { reasons: { code: string }[] }) => p.reasons.some((x) => x.code === 'land_won'))
        .map((p: { customerId: number }) => p.customerId);
    await log(t, quiet, 'visit', '2026-11-21T02:00:00.000Z');
    await log(t, ahead, 'visit', '2026-11-21T02:00:00.000Z');
    // December's visits went well (+2): proposed up, but for no land won in December.
    await log(t, quiet, 'visit', '2026-12-02T02:00:00.000Z', 'high');
    await log(t, ahead, 'visit', '2026-12-02T02:00:00.000Z', 'high');
    expect((await credited('2026-11')).sort()).toEqual([quiet, ahead].sort());
    const december = (await t.request('GET', '/api/reclassification?month=2026-12')).json.proposals;
    expect(december).toHaveLength(2);
    expect(await credited('2026-12')).toEqual([]);
  });

  it('credits land won by a land result to the month it was captured, and keeps it through a merge', async () => {
    const t = makeTestApp('2026-10-01T02:00:00.000Z');
    const kept = (await t.request('POST', '/api/customers', { name: '徐州恒泰置业', tier: 'C' })).json.id;
    t.setNow('2026-11-23T03:00:00.000Z');
    const land = await save(t, {
      capture: landCapture([
        { parcelNo: '徐土2026-18号', dealPrice: 156000000, dealDate: '2026-11-20', winner: '徐州恒泰置业有限公司' },
      ]),
      target: { land: { tier: 'C' } },
    });
    const [won] = land.json.created;
    await log(t, kept, 'visit', '2026-11-23T03:00:00.000Z');
    t.setNow('2026-12-02T02:00:00.000Z');
    expect((await t.request('POST', `/api/customers/${kept}/merge`, { from: won })).status).toBe(201);
    const november = (await t.request('GET', '/api/reclassification?month=2026-11')).json.proposals;
    expect(november).toMatchObject([
      { customerId: kept, from: 'C', to: 'B', reasons: [{ code: 'visits_made' }, { code: 'land_won' }] },
    ]);
  });

  it('a winner whose name is only alike once normalised is a prospect of its own, offered as a possible duplicate', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const xuzhou = (await t.request('POST', '/api/customers', { name: '徐州万达置业有限公司', tier: 'A' })).json.id;
    const r = await save(t, {
      capture: landCapture([{ parcelNo: 'NJ-2026-07', location: '江宁区', winner: '南京万达置业有限公司' }]),
      target: { land: {} },
    });
    expect(r.json.created).toHaveLength(1);
    const [nanjing] = r.json.created;
    expect(r.json.customerIds).toEqual([nanjing]);
    // The Xuzhou file is untouched: no parcel, no win in its history.
    expect((await t.request('GET', `/api/customers/${xuzhou}/parcels`)).json.parcels).toEqual([]);
    expect(await t.sql('select customer_id from interactions')).toEqual([{ customer_id: nanjing }]);
    const groups = (await t.request('GET', '/api/duplicates')).json.groups;
    expect(groups.map((g: { customers: { id: number }[] }) => g.customers.map((x) => x.id))).toEqual([
      [xuzhou, nanjing],
    ]);
  });

  it('parcels of one page at one location are as many parcels as numbers, each with its winner and the win noted', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const r = await save(t, {
      capture: landCapture([
        { parcelNo: '2026-JS-01', location: '徐州市云龙区', dealPrice: 300000000, winner: '徐州甲地产有限公司' },
        { parcelNo: '2026-JS-02', location: '徐州市云龙区', dealPrice: 500000000, winner: '江苏乙置业有限公司' },
        // The same parcel twice on the page (a list and its detail): one parcel.
        { parcelNo: '2026-JS-02', location: '徐州市云龙区', winner: '江苏乙置业有限公司' },
      ]),
      target: { land: {} },
    });
    const [first, second] = r.json.parcelIds;
    expect(first).not.toBe(second);
    expect(r.json.parcelIds[2]).toBe(second);
    const [jia, yi] = r.json.created;
    const parcelsOf = async (id: number) =>
      (await t.request('GET', `/api/customers/${id}/parcels`)).json.parcels
        .map((p: { parcelNo: string }) => p.parcelNo)
        .sort();
    expect(await parcelsOf(jia)).toEqual(['2026-JS-01']);
    expect(await parcelsOf(yi)).toEqual(['2026-JS-02']);
    const notes = await t.sql('select customer_id, summary from interactions order by id');
    expect(notes).toEqual([
      { customer_id: jia, summary: '竞得 2026-JS-01 徐州市云龙区' },
      { customer_id: yi, summary: '竞得 2026-JS-02 徐州市云龙区' },
    ]);
    // A later page with another parcel at the same place adds it; it overwrites neither.
    await save(t, {
      capture: landCapture([
        { parcelNo: '2026-JS-07', location: '徐州市云龙区', dealPrice: 1, winner: '徐州甲地产有限公司' },
      ]),
      target: { land: {} },
    });
    expect(await parcelsOf(jia)).toEqual(['2026-JS-01', '2026-JS-07']);
    expect(await parcelsOf(yi)).toEqual(['2026-JS-02']);
    // Two listed parcels without numbers at one place, on one page: two parcels on the watch list.
    const listed = await save(t, {
      capture: landCapture([
        { location: '徐州市鼓楼区', areaM2: 20000 },
        { location: '徐州市鼓楼区', areaM2: 45000 },
      ]),
      target: { land: {} },
    });
    expect(new Set(listed.json.parcelIds).size).toBe(2);
  });

  it('rejects a malformed capture with 400 and writes nothing', async () => {
    const t = makeTestApp();
    const r = await save(t, { capture: { ...companyCapture, kind: 'weird' }, target: { new: { name: 'X' } } });
    expect(r.status).toBe(400);
    expect((await t.count('captures')) + (await t.count('customers'))).toBe(0);
  });

  it('every new file gets its first call by one rule, whatever made it', async () => {
    const t = makeTestApp('2026-11-23T02:00:00.000Z');
    const site = await save(t, { capture: companyCapture, target: { new: { name: '嘉华融通', tier: 'B' } } });
    const land = await save(t, {
      capture: landCapture([{ parcelNo: '徐土2026-19号', dealPrice: 1, winner: '徐州恒泰置业有限公司' }]),
      target: { land: { tier: 'A' } },
    });
    const hand = (await t.request('POST', '/api/customers', { name: 'By hand', tier: 'C' })).json.id;
    const due = async (id: number) => (await t.request('GET', `/api/customers/${id}`)).json.nextCallDue;
    const ids = [site.json.created[0], land.json.created[0], hand];
    expect(await Promise.all(ids.map(due))).toEqual(Array(3).fill('2026-11-23T15:59:59.999Z'));
    await t.request('PUT', '/api/settings', { firstCallDays: 2 });
    expect(await Promise.all(ids.map(due))).toEqual(Array(3).fill('2026-11-25T15:59:59.999Z'));
  });

  it('a capture at the limits is merged whole; one past them is refused and writes nothing', async () => {
    const t = makeTestApp('2026-11-23T02:00:00.000Z');
    const phones = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => `+86 139 ${String(from + i).padStart(8, '0')}`);
    const people = Array.from({ length: 200 }, (_, i) => ({ name: `联系人${i}`, mobile: phones(5000, 200)[i] }));
    const full = {
      ...companyCapture,
      company: { ...companyCapture.company, phones: phones(0, 50), faxes: phones(100, 50) },
      people,
    };
    const first = await save(t, { capture: full, target: { new: { name: '满载公司', tier: 'C' } } });
    expect(first.status).toBe(201);
    // The same numbers written another way add nothing; the same people are the same people.
    const again = {
      ...full,
      company: { ...full.company, phones: phones(0, 50).map((p) => p.replace('+86 ', '').replaceAll(' ', '-')) },
    };
    const second = await save(t, { capture: again, target: { customerId: first.json.customerIds[0] } });
    expect(second.json.added).toEqual({ keys: 0, people: 0, phones: 0, emails: 0 });
    const over = await save(t, {
      capture: { ...full, company: { ...full.company, phones: phones(0, 51) } },
      target: { new: { name: '超载公司', tier: 'C' } },
    });
    expect([over.status, over.json.error.code]).toEqual([400, 'invalid_request']);
    expect((await t.request('GET', '/api/customers?sort=initials')).json.total).toBe(1);
  });
});
