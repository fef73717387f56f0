import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test-utils.ts';
import { conformance } from './conformance.ts';

/*
 * One file's life through the API — every GET and the main writes, their replays and their
 * usual errors — each answer checked against the schema the served document declares for its
 * status (conformance.ts). At the end, every documented GET must have been checked.
 */

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const company = {
  name: '徐州嘉华融通置业有限公司',
  tier: 'A',
  website: 'https://www.xz-land.com.cn/',
  phones: ['0516-87654321'],
  emails: ['info@xz-land.com.cn'],
  region: ['华东', '江苏', '徐州'],
  stage: 'contacted',
  people: [{ name: '王建国', title: '董事长', mobile: '13952000001', email: 'wang@xz-land.com.cn', keyPerson: true }],
  idempotencyKey: 'live-create-0001',
};

const capture = {
  url: 'https://www.hz-build.cn/contact.html',
  kind: 'company',
  adapter: 'generic',
  company: {
    name: '杭州建设发展有限公司',
    phones: ['+86 571 8765 4321'],
    faxes: [],
    emails: ['info@hz-build.cn'],
    products: [],
  },
  people: [{ name: '李娜', title: '销售总监', email: 'lina@hz-build.cn' }],
  message: null,
  parcels: [],
};

const vcard = ['BEGIN:VCARD', 'VERSION:4.0', 'FN:赵敏', 'EMAIL:zhao@xz-land.com.cn', 'END:VCARD', ''].join('\r\n');

describe('live answers match the served document', () => {
  it('checks every GET and the main writes against their documented schemas', async () => {
    const t = makeTestApp();
    const doc = (await t.request('GET', '/api/openapi.json')).json;
    const { call, checked } = conformance(doc);

    await call(t, 'get', '/api/health', {}, { headers: { authorization: '' } });
    await call(t, 'get', '/api/openapi.json');

    // Customers, their people and keys.
    const created = await call(t, 'post', '/api/customers', {}, { body: company });
    expect(created.status).toBe(201);
    const id = created.json.id as number;
    expect((await call(t, 'post', '/api/customers', {}, { body: company })).status).toBe(200);
    const other = await call(t, 'post', '/api/customers', {}, { body: { name: '南京其他有限公司', tier: 'C' } });
    const otherId = other.json.id as number;
    await call(t, 'get', '/api/customers', {}, { query: 'sort=initials&limit=10' });
    await call(t, 'get', '/api/customers/{id}', { id });
    await call(t, 'get', '/api/duplicates');
    await call(t, 'patch', '/api/customers/{id}', { id }, { body: { nextStep: '寄送样册' } });
    const person = await call(
      t,
      'post',
      '/api/customers/{id}/people',
      { id },
      { body: { name: '陈静', title: '采购' } },
    );
    expect(person.status).toBe(201);
    const personId = person.json.id as number;
    await call(t, 'patch', '/api/customers/{id}/people/{personId}', { id, personId }, { body: { title: '采购经理' } });
    const key = await call(
      t,
      'post',
      '/api/customers/{id}/keys',
      { id },
      { body: { kind: 'domain', value: 'xzl.cn' } },
    );
    expect(key.status).toBe(201);
    const clash = await call(
      t,
      'post',
      '/api/customers/{id}/keys',
      { id: otherId },
      { body: { kind: 'domain', value: 'xzl.cn' } },
    );
    expect(clash.status).toBe(409);

    // Contacts, promises and the history.
    const logged = await call(
      t,
      'post',
      '/api/interactions',
      {},
      {
        body: {
          customerId: id,
          kind: 'meeting',
          summary: '见面',
          appointment: '2026-11-26T06:30:00.000Z',
          idempotencyKey: 'live-meeting-0001',
        },
      },
    );
    expect(logged.status).toBe(201);
    const call2 = { customerId: otherId, kind: 'call', summary: '电话', idempotencyKey: 'live-call-0001' };
    const undoable = await call(t, 'post', '/api/interactions', {}, { body: call2 });
    expect((await call(t, 'post', '/api/interactions', {}, { body: call2 })).status).toBe(200);
    await call(t, 'delete', '/api/interactions/{id}', { id: undoable.json.id });
    const promise = await call(
      t,
      'post',
      '/api/commitments',
      {},
      { body: { customerId: id, text: '发送报价单', dueAt: '2026-11-24T02:00:00.000Z' } },
    );
    expect(promise.status).toBe(201);
    await call(t, 'post', '/api/commitments/{id}/kept', { id: promise.json.id });
    const later = await call(
      t,
      'post',
      '/api/commitments',
      {},
      { body: { customerId: id, text: '寄样品', dueAt: '2026-11-25T02:00:00.000Z' } },
    );
    const move = { body: { dueAt: '2026-11-27T02:00:00.000Z' } };
    expect((await call(t, 'patch', '/api/commitments/{id}', { id: later.json.id }, move)).status).toBe(200);
    const off = { body: { reason: '客户说不需要了' } };
    expect((await call(t, 'post', '/api/commitments/{id}/withdrawn', { id: later.json.id }, off)).status).toBe(200);
    expect((await call(t, 'patch', '/api/commitments/{id}', { id: later.json.id }, move)).status).toBe(409);
    expect((await call(t, 'post', '/api/commitments/{id}/kept', { id: later.json.id })).status).toBe(409);
    await call(t, 'get', '/api/customers/{id}/interactions', { id });
    await call(t, 'get', '/api/customers/{id}/commitments', { id });
    await call(t, 'get', '/api/customers/{id}/tier-history', { id });
    await call(t, 'get', '/api/customers/{id}/parcels', { id });
    // How old each phone and e-mail is, and "still right" on one of them.
    const points = await call(t, 'get', '/api/customers/{id}/contact-points', { id });
    const [point] = points.json.contactPoints;
    expect(point).toBeDefined();
    const still = { kind: point.kind, value: point.value };
    expect((await call(t, 'post', '/api/customers/{id}/contact-points/confirm', { id }, { body: still })).status).toBe(
      200,
    );

    // Materials: a link and a small file.
    await call(
      t,
      'post',
      '/api/customers/{id}/materials',
      { id },
      { body: { title: '官网', url: 'https://xz-land.com.cn' } },
    );
    const m = await call(
      t,
      'post',
      '/api/customers/{id}/materials',
      { id },
      { body: { title: '报价', fileName: 'quote.txt', mimeType: 'text/plain', contentBase64: b64('报价 100') } },
    );
    await call(t, 'get', '/api/customers/{id}/materials', { id });
    const got = await call(t, 'get', '/api/customers/{id}/materials/{materialId}/file', { id, materialId: m.json.id });
    expect(new TextDecoder().decode(got.bytes)).toBe('报价 100');
    await call(t, 'delete', '/api/customers/{id}/materials/{materialId}', { id, materialId: m.json.id });

    // Captures, context and search.
    const saved = await call(
      t,
      'post',
      '/api/captures',
      {},
      {
        body: {
          capture,
          target: { new: { name: '杭州建设发展有限公司', tier: 'B' } },
          idempotencyKey: 'live-cap-0001',
        },
      },
    );
    expect(saved.status).toBe(201);
    await call(t, 'get', '/api/captures/latest', {}, { query: `url=${encodeURIComponent(capture.url)}` });
    await call(t, 'get', '/api/context', {}, { query: `url=${encodeURIComponent('https://hr.xz-land.com.cn/jobs')}` });
    await call(
      t,
      'get',
      '/api/context/badge',
      {},
      { query: `url=${encodeURIComponent('https://hr.xz-land.com.cn/')}` },
    );
    await call(t, 'get', '/api/search', {}, { query: `q=${encodeURIComponent('嘉华')}` });

    // The board and the month's views.
    await call(t, 'get', '/api/due', {}, { query: 'within=7d' });
    await call(t, 'get', '/api/focus');
    await call(t, 'put', '/api/focus', {}, { body: { period: '2026-11-23', text: '拜访嘉华' } });
    await call(t, 'get', '/api/greetings');
    await call(t, 'get', '/api/contact-sheet', {}, { query: 'month=2026-11' });
    await call(
      t,
      'put',
      '/api/contact-sheet/remarks',
      {},
      { body: { customerId: id, month: '2026-11', text: '重点' } },
    );
    for (const format of ['xlsx', 'csv']) {
      await call(t, 'get', '/api/contact-sheet/export', {}, { query: `month=2026-11&format=${format}` });
    }
    await call(t, 'get', '/api/reclassification', {}, { query: 'month=2026-10' });
    const decisions = { month: '2026-10', decisions: [{ customerId: id, accept: true }] };
    expect((await call(t, 'post', '/api/reclassification/decisions', {}, { body: decisions })).status).toBe(409);
    await call(t, 'get', '/api/pipeline');

    // Lost, and back.
    await call(
      t,
      'patch',
      '/api/customers/{id}',
      { id: otherId },
      { body: { status: 'lost', lostReasonCode: 'price' } },
    );
    await call(t, 'get', '/api/lost');
    await call(t, 'post', '/api/customers/{id}/reopen', { id: otherId });

    // Settings and the team.
    await call(t, 'get', '/api/settings');
    await call(t, 'put', '/api/settings', {}, { body: { timeZone: 'Asia/Shanghai' } });
    await call(t, 'get', '/api/me');
    const member = await call(t, 'post', '/api/users', {}, { body: { name: 'lin', role: 'member' } });
    expect(member.status).toBe(201);
    const userId = member.json.user.id as number;
    await call(t, 'get', '/api/users');
    await call(t, 'post', '/api/users/{id}/token', { id: userId });
    await call(t, 'post', '/api/customers/{id}/shares', { id }, { body: { userId } });
    await call(t, 'delete', '/api/customers/{id}/shares/{userId}', { id, userId });
    await call(t, 'post', '/api/users/{id}/revoke', { id: userId });
    await call(t, 'get', '/api/audit', {}, { query: 'limit=5' });

    // Import, export and the calendar feed.
    const list = '名称,等级\n苏州新客户有限公司,B\n';
    const up = await call(
      t,
      'post',
      '/api/import/uploads',
      {},
      { body: { filename: 'a.csv', size: Buffer.byteLength(list) } },
    );
    expect(up.status).toBe(201);
    const chunk = { offset: 0, data: b64(list) };
    expect((await call(t, 'post', '/api/import/uploads/{id}', { id: up.json.uploadId }, { body: chunk })).status).toBe(
      200,
    );
    const csv = { filename: 'list.csv', data: b64('名称,等级\n苏州新客户有限公司,B\n') };
    await call(t, 'post', '/api/import/preview', {}, { body: { file: csv } });
    const imported = await call(
      t,
      'post',
      '/api/import/commit',
      {},
      { body: { file: csv, idempotencyKey: 'live-import-1' } },
    );
    expect(imported.status).toBe(201);
    expect(
      (await call(t, 'post', '/api/import/commit', {}, { body: { file: csv, idempotencyKey: 'live-import-1' } }))
        .status,
    ).toBe(200);
    await call(t, 'get', '/api/import/{id}', { id: imported.json.importId });
    const cards = { customerId: id, file: { filename: 'p.vcf', data: b64(vcard) }, idempotencyKey: 'live-vcard-1' };
    expect((await call(t, 'post', '/api/import/vcard', {}, { body: cards })).status).toBe(201);
    for (const query of ['format=csv&entity=people', 'format=xlsx', 'format=vcf', `format=vcf&customerId=${id}`]) {
      await call(t, 'get', '/api/export', {}, { query });
    }
    // The JSON backup, restored into an empty install.
    const backup = await call(t, 'get', '/api/export', {}, { query: 'format=json' });
    const fresh = makeTestApp();
    const file = { filename: 'backup.json', data: Buffer.from(backup.bytes).toString('base64') };
    const restored = await call(
      fresh,
      'post',
      '/api/import/backup',
      {},
      { body: { file, idempotencyKey: 'live-restore-1' } },
    );
    expect(restored.status).toBe(201);
    const feed = await call(t, 'post', '/api/calendar/feed');
    await call(
      t,
      'get',
      '/calendar/{file}',
      { file: feed.json.path.split('/').pop() },
      { headers: { authorization: '' } },
    );
    await call(t, 'delete', '/api/calendar/feed');

    // Merge and undo.
    const merged = await call(t, 'post', '/api/customers/{id}/merge', { id }, { body: { from: otherId } });
    expect(merged.status).toBe(201);
    await call(t, 'post', '/api/merges/{mergeId}/undo', { mergeId: merged.json.mergeId });

    // Removals.
    await call(t, 'delete', '/api/customers/{id}/keys/{keyId}', { id, keyId: key.json.id });
    await call(t, 'delete', '/api/customers/{id}/people/{personId}', { id, personId });
    await call(t, 'delete', '/api/customers/{id}/appointment', { id });
    await call(t, 'delete', '/api/customers/{id}', { id: otherId });

    // Errors speak the documented error body.
    expect((await call(t, 'get', '/api/customers/{id}', { id: 999_999 })).status).toBe(404);
    expect((await call(t, 'get', '/api/customers', {}, { query: 'tier=Z' })).json.error.code).toBe('invalid_request');
    expect((await call(t, 'post', '/api/customers', {}, { body: { tier: 'A' } })).status).toBe(400);
    expect((await call(t, 'get', '/api/due', {}, { headers: { authorization: '' } })).status).toBe(401);
    expect((await call(t, 'post', '/api/extension/pair')).status).toBe(400);
    expect((await call(t, 'get', '/calendar/{file}', { file: 'nope.ics' })).status).toBe(404);

    const gets = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([, ops]) => 'get' in ops)
      .map(([path]) => path);
    const seen = new Set(checked.filter((c) => c.method === 'get' && c.status === 200).map((c) => c.template));
    // A new route joins this walk: the document and the live answers can't drift apart unseen.
    expect(
      gets.filter((p) => !seen.has(p)),
      'GETs never answered 200 here: add a call above',
    ).toEqual([]);
    const all = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    const called = new Set(checked.map((c) => `${c.method} ${c.template}`));
    expect(
      all.filter((op) => !called.has(op)),
      'operations never called here: add a call above',
    ).toEqual([]);
  }, 60_000);
});
