import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test-utils.ts';

const xz = {
  name: '徐州嘉华融通置业有限公司',
  tier: 'A',
  website: 'https://www.xz-land.com.cn/',
  phones: ['0516-87654321'],
  emails: ['info@xz-land.com.cn'],
  region: ['华东', '江苏', '徐州'],
  people: [{ name: '王建国', title: '董事长', mobile: '13952000001', email: 'wang@xz-land.com.cn', keyPerson: true }],
};

describe('customers', () => {
  it('creates a file with its website domain as a key and due dates from the cadence', async () => {
    const t = makeTestApp('2026-11-23T02:00:00.000Z');
    const r = await t.request('POST', '/api/customers', xz);
    expect(r.status).toBe(201);
    expect(r.json.id).toBeGreaterThan(0);
    expect(r.json.keys).toEqual([expect.objectContaining({ kind: 'domain', value: 'xz-land.com.cn' })]);
    expect(r.json.people[0]).toMatchObject({ name: '王建国', keyPerson: true });
    // Filed on Monday 23 November at 10:00 Shanghai: first call by the end of that day; the A
    // visit after 60 days (22 January 2027, a Friday).
    expect(r.json.nextCallDue).toBe('2026-11-23T15:59:59.999Z');
    expect(r.json.nextVisitDue).toBe('2027-01-22T02:00:00.000Z');
    expect(r.json.status).toBe('prospect');
    const got = await t.request('GET', `/api/customers/${r.json.id}`);
    expect(got.status).toBe(200);
    expect(got.json.name).toBe(xz.name);
  });

  it('refuses a key another customer holds with 409 and writes nothing', async () => {
    const t = makeTestApp();
    await t.request('POST', '/api/customers', xz);
    const r = await t.request('POST', '/api/customers', {
      name: 'Other',
      tier: 'B',
      keys: [{ kind: 'domain', value: 'hr.xz-land.com.cn' }],
      people: [{ name: 'Should not exist' }],
    });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('conflict');
    const list = await t.request('GET', '/api/customers');
    expect(list.json.total).toBe(1);
    expect(await t.count('people')).toBe(1);
  });

  it('answers 400 invalid_request with the zod issues for bad bodies', async () => {
    const t = makeTestApp();
    for (const body of [
      {},
      { name: '', tier: 'A' },
      { name: 'X', tier: 'D' },
      { name: 'X', tier: 'A', phones: 'nope' },
    ]) {
      const r = await t.request('POST', '/api/customers', body);
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('invalid_request');
      expect(Array.isArray(r.json.error.details)).toBe(true);
    }
    const malformed = await t.request('POST', '/api/customers', '{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe('invalid_request');
  });

  it('rejects a credit code with a wrong check character', async () => {
    const t = makeTestApp();
    const r = await t.request('POST', '/api/customers', {
      name: 'X',
      tier: 'C',
      keys: [{ kind: 'credit_code', value: '91350100M000100Y44' }],
    });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid_request');
  });

  it('answers 404 for unknown or deleted customers', async () => {
    const t = makeTestApp();
    expect((await t.request('GET', '/api/customers/999')).status).toBe(404);
    expect((await t.request('GET', '/api/customers/abc')).status).toBe(400);
    const c = await t.request('POST', '/api/customers', xz);
    expect((await t.request('DELETE', `/api/customers/${c.json.id}`)).status).toBe(204);
    const gone = await t.request('GET', `/api/customers/${c.json.id}`);
    expect(gone.status).toBe(404);
    expect(gone.json.error.code).toBe('not_found');
  });

  it('edits fields and records a tier change; due dates follow the new tier', async () => {
    const t = makeTestApp('2026-11-23T02:00:00.000Z');
    const c = await t.request('POST', '/api/customers', { ...xz, tier: 'C' });
    await t.request('POST', '/api/interactions', { customerId: c.json.id, kind: 'call', idempotencyKey: 'first-call' });
    expect((await t.request('GET', `/api/customers/${c.json.id}`)).json.nextCallDue).toBe('2026-12-07T02:00:00.000Z');
    const r = await t.request('PATCH', `/api/customers/${c.json.id}`, { tier: 'A', industry: '房地产' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ tier: 'A', industry: '房地产', nextCallDue: '2026-11-30T02:00:00.000Z' });
    const changes = await t.sql('select from_tier, to_tier from tier_changes order by id');
    expect(changes).toEqual([
      { from_tier: null, to_tier: 'C' },
      { from_tier: 'C', to_tier: 'A' },
    ]);
  });

  it('replays a create with the same idempotency key without a duplicate', async () => {
    const t = makeTestApp();
    const body = { ...xz, idempotencyKey: 'create-xz-0001' };
    const a = await t.request('POST', '/api/customers', body);
    const b = await t.request('POST', '/api/customers', body);
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(b.json.id).toBe(a.json.id);
    expect((await t.request('GET', '/api/customers')).json.total).toBe(1);
  });

  it('adds people and keys, refusing a key held elsewhere', async () => {
    const t = makeTestApp();
    const a = await t.request('POST', '/api/customers', xz);
    const b = await t.request('POST', '/api/customers', {
      name: 'Northwind Trading Co., Ltd.',
      tier: 'B',
      website: 'northwind-trading.com',
    });
    const p = await t.request('POST', `/api/customers/${b.json.id}/people`, {
      name: 'Ann Lee',
      email: 'Ann@Northwind-Trading.com',
    });
    expect(p.status).toBe(201);
    expect(p.json.email).toBe('ann@northwind-trading.com');
    const k = await t.request('POST', `/api/customers/${b.json.id}/keys`, {
      kind: 'icp',
      value: '苏ICP备12345678号-1',
    });
    expect(k.status).toBe(201);
    expect(k.json.value).toBe('苏ICP备12345678号');
    const clash = await t.request('POST', `/api/customers/${b.json.id}/keys`, {
      kind: 'domain',
      value: 'www.xz-land.com.cn',
    });
    expect(clash.status).toBe(409);
    expect(clash.json.error.details.customerId).toBe(a.json.id);
  });

  it('lists by region path, stage, company type and size class, in A–Z order on request', async () => {
    const t = makeTestApp();
    const add = (body: Record<string, unknown>) => t.request('POST', '/api/customers', { tier: 'B', ...body });
    await add({
      name: '徐州恒泰置业',
      region: ['华东', '江苏', '徐州'],
      stage: 'land_won',
      companyType: 'private',
      sizeClass: 'large',
    });
    await add({
      name: '南京栖霞建设',
      region: ['华东', '江苏', '南京'],
      stage: 'proposal',
      companyType: 'joint_stock',
    });
    await add({ name: 'Acme Shanghai', region: ['华东', '上海'], companyType: 'foreign' });
    await add({ name: '北京城建', region: ['华北', '北京'] });
    const names = async (q: string) =>
      ((await t.request('GET', `/api/customers?${q}`)).json.customers as { name: string }[]).map((c) => c.name);
    expect(await names(`region=${encodeURIComponent('华东/江苏')}&sort=initials`)).toEqual([
      '南京栖霞建设',
      '徐州恒泰置业',
    ]);
    expect(await names(`region=${encodeURIComponent('华东')}&sort=initials`)).toEqual([
      'Acme Shanghai',
      '南京栖霞建设',
      '徐州恒泰置业',
    ]);
    expect(await names('stage=land_won')).toEqual(['徐州恒泰置业']);
    expect(await names('companyType=foreign')).toEqual(['Acme Shanghai']);
    expect(await names('sizeClass=large')).toEqual(['徐州恒泰置业']);
    expect(await names('sort=initials')).toEqual(['Acme Shanghai', '北京城建', '南京栖霞建设', '徐州恒泰置业']);
    expect((await t.request('GET', '/api/customers?stage=nope')).status).toBe(400);
  });
});
