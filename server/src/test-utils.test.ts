import { describe, expect, it } from 'vitest';
import { TEST_ENGINE } from './test-engine.ts';
import { makeTestApp } from './test-utils.ts';

describe(`the test app on ${TEST_ENGINE}`, () => {
  it('counts, reads and dumps its own database the same way on either engine', async () => {
    const t = makeTestApp();
    const li = t.addUser('li', 'member');
    expect(await t.count('customers')).toBe(0);
    const before = await t.dump(['audit_log']);
    expect(before.users).toHaveLength(2);
    expect(await t.sql('select name, role from users where id = ?', li.id)).toEqual([{ name: 'li', role: 'member' }]);
    const made = await t.request('POST', '/api/customers', { name: '徐州华宇地产', tier: 'B' }, li.headers);
    expect(made.status).toBe(201);
    expect(await t.count('customers')).toBe(1);
    const after = await t.dump(['audit_log']);
    expect(after.customers).toHaveLength(1);
    expect(after.users).toEqual(before.users);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  });
});
