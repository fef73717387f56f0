import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test-utils.ts';

const haiyi = {
  name: '青岛海逸置业有限公司',
  tier: 'A',
  website: 'https://www.hy-qd.com.cn/',
  keys: [
    { kind: 'credit_code', value: '91370200163562681G' },
    { kind: 'icp', value: '鲁ICP备12345678号-1' },
  ],
  people: [{ name: '刘建华', mobile: '+86 135-6420-1188' }],
};

const count = (t: ReturnType<typeof makeTestApp>) => t.count('customers');

describe('a new file already on file (POST /api/customers)', () => {
  it.each([
    ['its website', { website: 'http://hr.hy-qd.com.cn/jobs' }, 'domain', 'hy-qd.com.cn'],
    ['a key', { keys: [{ kind: 'domain', value: 'hy-qd.com.cn' }] }, 'domain', 'hy-qd.com.cn'],
    [
      'its credit code',
      { keys: [{ kind: 'credit_code', value: '91370200163562681G' }] },
      'credit_code',
      '91370200163562681G',
    ],
    ['its ICP number', { keys: [{ kind: 'icp', value: '鲁ICP备12345678号' }] }, 'icp', '鲁ICP备12345678号'],
    [
      'a person’s mobile, written differently',
      { people: [{ name: '刘总', mobile: '13564201188' }] },
      'mobile',
      '13564201188',
    ],
    ['a mobile among its own phones', { phones: ['135 6420 1188'] }, 'mobile', '135 6420 1188'],
  ])(
    'is refused when %s is on a file the asker sees: 409 naming that file and what matched',
    async (_, extra, kind, value) => {
      const t = makeTestApp();
      const held = await t.request('POST', '/api/customers', haiyi);
      expect(held.status).toBe(201);
      const r = await t.request('POST', '/api/customers', { name: '海逸置业', tier: 'C', ...extra });
      expect(r.status).toBe(409);
      expect(r.json.error).toMatchObject({
        code: 'conflict',
        details: { code: 'duplicate_customer', kind, value, customerId: held.json.id, customerName: haiyi.name },
      });
      expect(r.json.error.message).toContain(haiyi.name);
      expect(await count(t)).toBe(1);
    },
  );

  it('is created anyway when asked: the key stays with the file that held it', async () => {
    const t = makeTestApp();
    const held = await t.request('POST', '/api/customers', haiyi);
    const r = await t.request('POST', '/api/customers', {
      name: '海逸置业',
      tier: 'C',
      website: 'hy-qd.com.cn',
      people: [{ name: '刘总', mobile: '13564201188' }],
      allowDuplicate: true,
    });
    expect(r.status).toBe(201);
    expect(r.json.keys).toEqual([]);
    expect(r.json.people).toMatchObject([{ mobile: '13564201188' }]);
    const keyHolders = await t.sql("select customer_id as id from customer_keys where kind = 'domain'");
    expect(keyHolders).toEqual([{ id: held.json.id }]);
  });

  it('a landline or a longer number containing the mobile is no duplicate', async () => {
    const t = makeTestApp();
    await t.request('POST', '/api/customers', { ...haiyi, phones: ['0532-8588 7766'] });
    const r = await t.request('POST', '/api/customers', {
      name: '另一家',
      tier: 'C',
      phones: ['0532-8588 7766'],
      people: [{ name: '王', mobile: '13564201189' }],
    });
    expect(r.status).toBe(201);
  });

  it("another member's file: a mobile on it is no conflict, a key on it is one that names nobody", async () => {
    const t = makeTestApp();
    const ann = t.addUser('ann', 'member');
    const bob = t.addUser('bob', 'member');
    const own = await t.request('POST', '/api/customers', haiyi, ann.headers);
    expect(own.status).toBe(201);
    const byMobile = await t.request(
      'POST',
      '/api/customers',
      { name: '海逸', tier: 'C', people: [{ name: '刘', mobile: '13564201188' }] },
      bob.headers,
    );
    expect(byMobile.status).toBe(201);
    const byKey = await t.request(
      'POST',
      '/api/customers',
      { name: '海逸二', tier: 'C', website: 'hy-qd.com.cn' },
      bob.headers,
    );
    expect(byKey.status).toBe(409);
    expect(byKey.json.error.details).toEqual({ code: 'duplicate_customer', kind: 'domain', value: 'hy-qd.com.cn' });
    expect(byKey.json.error.message).not.toContain('海逸置业有限公司');
  });
});
