import { describe, expect, it } from 'vitest';
import { dumpAll } from '../dump.test-helpers.ts';
import { makeTestApp, type TestApp, TOKEN } from '../test-utils.ts';
import { replayable } from './replay.ts';

/*
 * The one rule of idempotent writes (replay.ts), route by route: the same user's same request
 * again answers the first result (200 where the first was 201) and writes nothing; a different
 * request with the key is a 409; another user's request with it is a 409 that tells nothing of
 * the first answer.
 */

type Headers = Record<string, string>;
interface Case {
  /** The request as first sent, a changed request with the same key, and another user's headers. */
  path: string;
  body: Record<string, unknown>;
  changed: Record<string, unknown>;
  other: Headers;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const vcard = ['BEGIN:VCARD', 'VERSION:4.0', 'FN:赵敏', 'EMAIL:zhao@xz-land.com.cn', 'END:VCARD', ''].join('\r\n');
const capture = {
  url: 'https://www.hz-build.cn/contact.html',
  kind: 'company',
  adapter: 'generic',
  company: { name: '杭州建设发展有限公司', phones: ['+86 571 8765 4321'], faxes: [], emails: [], products: [] },
  people: [{ name: '李娜', title: '销售总监' }],
  message: null,
  parcels: [],
};

/** A member, mia, and a file of hers the owner (a manager) writes to first; mia may write to it too. */
async function miasFile(t: TestApp, name = '徐州嘉华融通置业有限公司', website = 'xz-land.com.cn') {
  const mia = t.addUser('mia', 'member');
  const file = await t.request('POST', '/api/customers', { name, tier: 'A', website, owner: 'mia' });
  return { mia, id: file.json.id as number };
}

async function expectRule(t: TestApp, c: Case) {
  const first = await t.request('POST', c.path, c.body);
  expect(first.status).toBe(201);
  const written = await dumpAll(t, ['audit_log']);

  const again = await t.request('POST', c.path, c.body);
  expect(again.status).toBe(200);
  expect(again.json).toEqual(first.json);
  expect(await dumpAll(t, ['audit_log'])).toEqual(written);

  const changed = await t.request('POST', c.path, c.changed);
  expect([changed.status, changed.json.error.code]).toEqual([409, 'conflict']);
  expect(changed.json.error.message).toMatch(/idempotency key/);
  expect(await dumpAll(t, ['audit_log'])).toEqual(written);

  const other = await t.request('POST', c.path, c.body, c.other);
  expect([other.status, other.json.error.code]).toEqual([409, 'conflict']);
  // Only the code and a fixed sentence: nothing of the first answer.
  expect(Object.keys(other.json.error).sort()).toEqual(['code', 'message']);
  expect(other.json.error.message).toBe(changed.json.error.message);
  expect(await dumpAll(t, ['audit_log'])).toEqual(written);
}

describe('one replay rule for every idempotent write', () => {
  it('POST /api/interactions', async () => {
    const t = makeTestApp();
    const { mia, id } = await miasFile(t);
    const body = { customerId: id, kind: 'call', summary: '约下周拜访', idempotencyKey: 'rule-interaction-1' };
    await expectRule(t, {
      path: '/api/interactions',
      body,
      changed: { ...body, summary: '另一通电话' },
      other: mia.headers,
    });
  });

  it('POST /api/commitments', async () => {
    const t = makeTestApp();
    const { mia, id } = await miasFile(t);
    const body = {
      customerId: id,
      text: '周五前发报价',
      dueAt: '2026-11-27T02:00:00Z',
      idempotencyKey: 'rule-promise-1',
    };
    await expectRule(t, {
      path: '/api/commitments',
      body,
      changed: { ...body, dueAt: '2026-11-28T02:00:00Z' },
      other: mia.headers,
    });
  });

  it('POST /api/customers', async () => {
    const t = makeTestApp();
    const mia = t.addUser('mia', 'member');
    const body = { name: '恒信建设有限公司', tier: 'B', website: 'hengxin.cn', idempotencyKey: 'rule-create-1' };
    await expectRule(t, {
      path: '/api/customers',
      body,
      changed: { ...body, tier: 'A' },
      other: mia.headers,
    });
  });

  it('POST /api/captures (the same capture for another file is another request)', async () => {
    const t = makeTestApp();
    const { mia, id } = await miasFile(t);
    const body = { capture, target: { customerId: id }, idempotencyKey: 'rule-capture-1' };
    await expectRule(t, {
      path: '/api/captures',
      body,
      changed: { ...body, target: { new: { name: '杭州建设发展有限公司', tier: 'B' } } },
      other: mia.headers,
    });
  });

  it('POST /api/customers/:id/merge', async () => {
    const t = makeTestApp();
    const { mia, id } = await miasFile(t);
    const twin = await t.request('POST', '/api/customers', { name: '嘉华融通置业', tier: 'C', owner: 'mia' });
    const third = await t.request('POST', '/api/customers', { name: '嘉华融通', tier: 'C', owner: 'mia' });
    await expectRule(t, {
      path: `/api/customers/${id}/merge`,
      body: { from: twin.json.id, idempotencyKey: 'rule-merge-1' },
      changed: { from: third.json.id, idempotencyKey: 'rule-merge-1' },
      other: mia.headers,
    });
  });

  it('POST /api/import/commit', async () => {
    const t = makeTestApp();
    const mia = t.addUser('mia', 'member');
    const file = { filename: 'list.csv', data: b64('名称,等级\n苏州新客户有限公司,B\n') };
    await expectRule(t, {
      path: '/api/import/commit',
      body: { file, idempotencyKey: 'rule-import-1' },
      changed: { file: { ...file, data: b64('名称,等级\n无锡新客户有限公司,C\n') }, idempotencyKey: 'rule-import-1' },
      other: mia.headers,
    });
  });

  it('POST /api/import/vcard', async () => {
    const t = makeTestApp();
    const { mia, id } = await miasFile(t);
    const other = await t.request('POST', '/api/customers', { name: '恒信建设', tier: 'B', owner: 'mia' });
    const body = { customerId: id, file: { filename: 'p.vcf', data: b64(vcard) }, idempotencyKey: 'rule-vcard-1' };
    await expectRule(t, {
      path: '/api/import/vcard',
      body,
      changed: { ...body, customerId: other.json.id },
      other: mia.headers,
    });
  });

  it('POST /api/import/backup (another manager is another user)', async () => {
    const source = makeTestApp();
    await source.request('POST', '/api/customers', { name: '徐州嘉华融通置业有限公司', tier: 'A' });
    const exported = await source.app.request('/api/export?format=json', {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const data = Buffer.from(await exported.arrayBuffer()).toString('base64');
    const t = makeTestApp();
    const body = { file: { filename: 'backup.json', data }, idempotencyKey: 'rule-restore-1' };
    const first = await t.request('POST', '/api/import/backup', body);
    expect(first.status).toBe(201);
    // Users come back with the backup, so the second manager is added after it.
    const boss = t.addUser('boss', 'manager');
    const written = await dumpAll(t, ['audit_log']);
    const again = await t.request('POST', '/api/import/backup', body);
    expect([again.status, again.json]).toEqual([200, first.json]);
    const changed = await t.request('POST', '/api/import/backup', {
      ...body,
      file: { ...body.file, filename: 'b.json' },
    });
    const other = await t.request('POST', '/api/import/backup', body, boss.headers);
    for (const r of [changed, other]) {
      expect([r.status, r.json.error.code]).toEqual([409, 'conflict']);
      expect(r.json.error.message).toMatch(/idempotency key/);
      expect(JSON.stringify(r.json)).not.toContain(String(first.json.importId));
    }
    expect(await dumpAll(t, ['audit_log'])).toEqual(written);
  });
});

describe('keys the rule has no record of', () => {
  it('a key an import already wrote into the history is a 409, not someone else’s answer', async () => {
    const t = makeTestApp();
    const { id } = await miasFile(t);
    await t.sql(
      "insert into interactions (customer_id, kind, at, idempotency_key, created_at) values (?, 'call', ?, ?, ?)",
      id,
      '2026-11-20T02:00:00.000Z',
      'imported-key-1',
      '2026-11-20T02:00:00.000Z',
    );
    const r = await t.request('POST', '/api/interactions', {
      customerId: id,
      kind: 'call',
      idempotencyKey: 'imported-key-1',
    });
    expect([r.status, r.json.error.code]).toEqual([409, 'conflict']);
  });
});

describe('one space of keys, wherever the record is kept', () => {
  it('a logged contact keeps its record in its own row, and its key is taken for any other write', async () => {
    const t = makeTestApp();
    const { id } = await miasFile(t);
    const call = { customerId: id, kind: 'call', idempotencyKey: 'shared-key-1' };
    expect((await t.request('POST', '/api/interactions', call)).status).toBe(201);
    // No replays row: the contact's row holds who sent it and the request's fingerprint.
    expect(await t.sql("select key from replays where key = 'shared-key-1'")).toEqual([]);
    const [owner] = await t.sql("select id from users where name = 'owner'");
    expect(
      await t.sql("select requested_by, request_fingerprint from interactions where idempotency_key = 'shared-key-1'"),
    ).toEqual([{ requested_by: owner?.id, request_fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    const promise = {
      customerId: id,
      text: '寄资料',
      dueAt: '2026-12-01T02:00:00.000Z',
      idempotencyKey: 'shared-key-1',
    };
    const taken = await t.request('POST', '/api/commitments', promise);
    expect([taken.status, taken.json.error.code]).toEqual([409, 'conflict']);
    // And the other way: a promise's key (kept in replays) is taken for a logged contact.
    expect((await t.request('POST', '/api/commitments', { ...promise, idempotencyKey: 'shared-key-2' })).status).toBe(
      201,
    );
    const reused = await t.request('POST', '/api/interactions', { ...call, idempotencyKey: 'shared-key-2' });
    expect([reused.status, reused.json.error.code]).toEqual([409, 'conflict']);
    expect((await t.request('POST', '/api/interactions', call)).status).toBe(200);
  });
});

describe('the request fingerprint', () => {
  const print = (request: unknown, op = 'interaction') => replayable('k-0000001', op, request).fingerprint;
  it('is the same for the same request however its fields are ordered, and leaves the key out', () => {
    const a = { customerId: 1, kind: 'call', visit: { needs: 'x', entryPoint: 'y' }, idempotencyKey: 'k-0000001' };
    const b = { visit: { entryPoint: 'y', needs: 'x' }, kind: 'call', customerId: 1, summary: undefined };
    expect(print(a)).toBe(print(b));
  });
  it('differs with the operation, the target or any field', () => {
    const a = { customerId: 1, kind: 'call' };
    expect(
      new Set([print(a), print(a, 'commitment'), print({ ...a, customerId: 2 }), print({ ...a, summary: '' })]).size,
    ).toBe(4);
  });
});
