import { describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test-utils.ts';

const create = async (t: TestApp, body: Record<string, unknown>, headers = {}) => {
  const r = await t.request('POST', '/api/customers', { tier: 'C', allowDuplicate: true, ...body }, headers);
  expect(r.status).toBe(201);
  return r.json.id as number;
};

describe('GET /api/duplicates', () => {
  it('groups files by a shared domain, the same normalised name and the same phone written two ways', async () => {
    const t = makeTestApp();
    const a = await create(t, { name: '青岛海逸置业有限公司', website: 'www.hy-qd.com.cn' });
    const b = await create(t, { name: '海逸置业（青岛）', website: 'http://hr.hy-qd.com.cn' });
    const c = await create(t, {
      name: '辽宁华远置业集团股份有限公司',
      people: [{ name: '王建国', mobile: '139 0400 1234' }],
    });
    const d = await create(t, { name: '华远置业(沈阳)', phones: ['+86 139-0400-1234'] });
    const e = await create(t, { name: '华远置业' });
    await create(t, { name: '无关公司', phones: ['0532-8588 7766'] });
    const r = await t.request('GET', '/api/duplicates');
    expect(r.status).toBe(200);
    expect(r.json.truncated).toBe(false);
    const groups = r.json.groups.map((g: { customers: { id: number }[]; reasons: unknown[] }) => ({
      ids: g.customers.map((x) => x.id),
      reasons: g.reasons,
    }));
    expect(groups).toEqual([
      { ids: [c, d, e], reasons: [{ kind: 'name', value: '华远置业' }] },
      { ids: [c, d], reasons: [{ kind: 'phone', value: '13904001234' }] },
      {
        ids: [a, b],
        reasons: [
          { kind: 'domain', value: 'hy-qd.com.cn' },
          { kind: 'name', value: '海逸置业' },
        ],
      },
    ]);
    expect(r.json.groups[0].customers[0]).toMatchObject({
      name: expect.any(String),
      tier: 'C',
      people: expect.any(Number),
    });
  });

  it('takes a name written without its accents, its umlauts written out or with a European legal form for the same company', async () => {
    const t = makeTestApp();
    const a = await create(t, { name: 'Lefèvre Emballages' });
    const b = await create(t, { name: 'LEFEVRE EMBALLAGES SARL' });
    const c = await create(t, { name: 'Müller Straßenbau GmbH & Co. KG' });
    const d = await create(t, { name: 'MULLER STRASSENBAU AG' });
    const e = await create(t, { name: 'MUELLER STRASSENBAU' });
    await create(t, { name: 'Lefèvre Transports' });
    await create(t, { name: 'Yuexiu Strassenbau' });
    await create(t, { name: 'Yuxiu Strassenbau' });
    const r = await t.request('GET', '/api/duplicates');
    expect(r.status).toBe(200);
    expect(
      r.json.groups.map((g: { customers: { id: number }[]; reasons: unknown[] }) => [
        g.customers.map((x) => x.id),
        g.reasons,
      ]),
    ).toEqual([
      [[c, d, e], [{ kind: 'name', value: 'muller strassenbau' }]],
      [[a, b], [{ kind: 'name', value: 'lefevre emballages' }]],
    ]);
  });

  it('lists only files the asker may see', async () => {
    const t = makeTestApp();
    const ann = t.addUser('ann', 'member');
    const bob = t.addUser('bob', 'member');
    await create(t, { name: '海逸置业', phones: ['13564201188'] }, ann.headers);
    await create(t, { name: '海逸置业', phones: ['13564201188'] }, bob.headers);
    expect((await t.request('GET', '/api/duplicates', undefined, ann.headers)).json.groups).toEqual([]);
    expect((await t.request('GET', '/api/duplicates')).json.groups).toHaveLength(1);
  });

  it('a merged file leaves its group, and comes back with undo', async () => {
    const t = makeTestApp();
    const a = await create(t, { name: '海逸置业', phones: ['13564201188'] });
    const b = await create(t, { name: '海逸置业有限公司' });
    const merged = await t.request('POST', `/api/customers/${a}/merge`, { from: b });
    expect(merged.status).toBe(201);
    expect((await t.request('GET', '/api/duplicates')).json.groups).toEqual([]);
    const undone = await t.request('POST', `/api/merges/${merged.json.mergeId}/undo`);
    expect(undone.status).toBe(200);
    expect((await t.request('GET', '/api/duplicates')).json.groups).toHaveLength(1);
  });
});
