import { describe, expect, it } from 'vitest';
import { idem, makeTestApp, type TestApp } from '../../test-utils.ts';

// Seed 002: data goes stale. Each phone and e-mail says where and when it came from and when it
// was last confirmed; older than the setting (12 months by default) it is to be verified.

const PAGE = 'https://www.xz-land.com.cn/contact.html';
const capture = (phones: string[], people: unknown[] = []) => ({
  url: PAGE,
  kind: 'company',
  adapter: 'generic',
  company: { name: '徐州嘉华融通置业有限公司', phones, faxes: [], emails: ['info@xz-land.com.cn'], products: [] },
  people,
  message: null,
  parcels: [],
});

interface Point {
  kind: string;
  value: string;
  personId: number | null;
  field: string;
  source: string;
  sourceDetail: string | null;
  seenAt: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
  since: string;
  verify: boolean;
}

const points = async (t: TestApp, id: number): Promise<Point[]> => {
  const r = await t.request('GET', `/api/customers/${id}/contact-points`);
  expect(r.status).toBe(200);
  return r.json.contactPoints;
};
const pointOf = async (t: TestApp, id: number, value: string) => {
  const p = (await points(t, id)).find((x) => x.value === value);
  if (!p) throw new Error(`${value} is not on file ${id}`);
  return p;
};
const confirm = (t: TestApp, id: number, body: unknown) =>
  t.request('POST', `/api/customers/${id}/contact-points/confirm`, body);

describe('how old is this number', () => {
  it('a capture records the page, a hand edit "hand"; 13 months on it is to be verified; a call or "still right" clears it', async () => {
    const t = makeTestApp('2025-10-01T02:00:00.000Z');
    const saved = await t.request('POST', '/api/captures', {
      capture: capture(['+86 516 8765 4321'], [{ name: '王建国', title: '董事长', mobile: '+86 139 5200 0001' }]),
      target: { new: { name: '徐州嘉华融通置业有限公司', tier: 'A' } },
      addDomainKey: true,
      idempotencyKey: idem('cap'),
    });
    expect(saved.status).toBe(201);
    const id = saved.json.customerIds[0] as number;
    const wang = (await t.request('GET', `/api/customers/${id}`)).json.people[0];
    expect(await pointOf(t, id, '+86 139 5200 0001')).toMatchObject({
      kind: 'phone',
      personId: wang.id,
      field: 'mobile',
      source: 'capture',
      sourceDetail: PAGE,
      seenAt: '2025-10-01T02:00:00.000Z',
      confirmedAt: null,
      verify: false,
    });
    expect(await pointOf(t, id, 'info@xz-land.com.cn')).toMatchObject({ field: 'emails', source: 'capture' });

    t.setNow('2026-11-01T02:00:00.000Z'); // 13 months later
    const added = await t.request('POST', `/api/customers/${id}/people`, {
      name: '李娜',
      directLine: '0516-8765 0001',
    });
    expect(await pointOf(t, id, '0516-8765 0001')).toMatchObject({
      source: 'hand',
      sourceDetail: null,
      personId: added.json.id,
      verify: false,
    });
    const stale = await points(t, id);
    expect(stale.filter((p) => p.verify).map((p) => p.value)).toEqual([
      '+86 516 8765 4321',
      'info@xz-land.com.cn',
      '+86 139 5200 0001',
    ]);
    // The full card of the panel says the same; the badge knows nothing of it.
    const card = await t.request('GET', `/api/context?url=${encodeURIComponent('https://www.xz-land.com.cn/')}`);
    expect(card.json.contactPoints.filter((p: Point) => p.verify)).toHaveLength(3);
    const badge = await t.request('GET', `/api/context/badge?url=${encodeURIComponent('https://www.xz-land.com.cn/')}`);
    expect(badge.json).not.toHaveProperty('contactPoints');

    // A call logged on 王建国 confirms his number, not the company's.
    const call = await t.request('POST', '/api/interactions', {
      customerId: id,
      kind: 'call',
      personId: wang.id,
      idempotencyKey: idem('call'),
    });
    expect(call.status).toBe(201);
    expect(await pointOf(t, id, '+86 139 5200 0001')).toMatchObject({
      confirmedAt: '2026-11-01T02:00:00.000Z',
      confirmedBy: 'call',
      since: '2026-11-01T02:00:00.000Z',
      verify: false,
      source: 'capture',
    });
    expect((await pointOf(t, id, '+86 516 8765 4321')).verify).toBe(true);
    // An e-mail sent proves nothing about a number.
    await t.request('POST', '/api/interactions', { customerId: id, kind: 'email', idempotencyKey: idem('mail') });
    expect((await pointOf(t, id, '+86 516 8765 4321')).verify).toBe(true);

    // "Still right", written in another form of the same number; twice is no harm.
    for (const n of [1, 2]) {
      const ok = await confirm(t, id, { kind: 'phone', value: '0516-87654321' });
      expect(ok.status, `click ${n}`).toBe(200);
      expect(ok.json.contactPoints.find((p: Point) => p.value === '+86 516 8765 4321')).toMatchObject({
        confirmedBy: 'click',
        verify: false,
      });
    }
    // A call on the file with nobody named confirms the file's own phones.
    t.setNow('2028-01-01T02:00:00.000Z');
    await t.request('POST', '/api/interactions', { customerId: id, kind: 'call', idempotencyKey: idem('call') });
    expect(await pointOf(t, id, '+86 516 8765 4321')).toMatchObject({ confirmedBy: 'call', verify: false });
    expect((await pointOf(t, id, 'info@xz-land.com.cn')).verify).toBe(true);
    expect((await pointOf(t, id, '+86 139 5200 0001')).verify).toBe(true);
  });

  it('a contact confirms what it proves, read from the contacts: undone, it confirms nothing any more', async () => {
    const t = makeTestApp('2025-10-01T02:00:00.000Z');
    const saved = await t.request('POST', '/api/captures', {
      capture: capture([], [{ name: '王建国', mobile: '+86 139 5200 0001', email: 'wang@xz-land.com.cn' }]),
      target: { new: { name: '徐州嘉华融通置业有限公司', tier: 'A' } },
      addDomainKey: true,
      idempotencyKey: idem('cap'),
    });
    const id = saved.json.customerIds[0] as number;
    const wang = (await t.request('GET', `/api/customers/${id}`)).json.people[0];
    t.setNow('2026-11-01T02:00:00.000Z');
    const log = (kind: string) =>
      t.request('POST', '/api/interactions', { customerId: id, kind, personId: wang.id, idempotencyKey: idem(kind) });
    // A visit with him proves his mobile, not his address.
    const visit = await log('visit');
    expect(visit.status).toBe(201);
    expect(await pointOf(t, id, '+86 139 5200 0001')).toMatchObject({ confirmedBy: 'visit', verify: false });
    expect(await pointOf(t, id, 'wang@xz-land.com.cn')).toMatchObject({ confirmedBy: null, verify: true });
    // An e-mail with him proves his address.
    await log('email');
    expect(await pointOf(t, id, 'wang@xz-land.com.cn')).toMatchObject({ confirmedBy: 'email', verify: false });
    // The visit was logged by mistake: undone, his mobile is as old as before.
    expect((await t.request('DELETE', `/api/interactions/${visit.json.id}`)).status).toBe(200);
    expect(await pointOf(t, id, '+86 139 5200 0001')).toMatchObject({
      confirmedAt: null,
      confirmedBy: null,
      since: '2025-10-01T02:00:00.000Z',
      verify: true,
    });
    // A call logged afterwards for the day it happened confirms as of that day: over a year ago.
    const late = await t.request('POST', '/api/interactions', {
      customerId: id,
      kind: 'call',
      personId: wang.id,
      at: '2025-10-15T02:00:00.000Z',
      idempotencyKey: idem('late'),
    });
    expect(late.status).toBe(201);
    expect(await pointOf(t, id, '+86 139 5200 0001')).toMatchObject({
      confirmedBy: 'call',
      since: '2025-10-15T02:00:00.000Z',
      verify: true,
    });
  });

  it('a page is recorded without its query or fragment (a webmail session id stays out of the file)', async () => {
    const t = makeTestApp('2025-10-01T02:00:00.000Z');
    const saved = await t.request('POST', '/api/captures', {
      capture: { ...capture(['+86 516 8765 4321']), url: `${PAGE}?sid=SECRET123#inbox/abc` },
      target: { new: { name: '徐州嘉华融通置业有限公司', tier: 'A' } },
      addDomainKey: true,
      idempotencyKey: idem('cap'),
    });
    expect(saved.status).toBe(201);
    const id = saved.json.customerIds[0] as number;
    expect(await pointOf(t, id, '+86 516 8765 4321')).toMatchObject({ source: 'capture', sourceDetail: PAGE });
  });

  it('the same value written again keeps its first source; removed and added again it is new', async () => {
    const t = makeTestApp('2026-01-05T02:00:00.000Z');
    const c = await t.request('POST', '/api/customers', {
      name: '徐州嘉华融通置业有限公司',
      tier: 'B',
      phones: ['0516-87654321'],
      emails: ['Info@XZ-Land.com.cn'],
      people: [{ name: '王建国', mobile: '13952000001' }],
    });
    const id = c.json.id as number;
    expect(await pointOf(t, id, '0516-87654321')).toMatchObject({ source: 'hand', seenAt: '2026-01-05T02:00:00.000Z' });

    t.advanceDays(30);
    // The page writes the same number and mailbox in other forms: nothing new, sources kept.
    await t.request('POST', '/api/captures', {
      capture: capture(['+86 516 8765 4321'], [{ name: '王建国', mobile: '+86 139 5200 0001' }]),
      target: { customerId: id },
      addDomainKey: false,
      idempotencyKey: idem('cap'),
    });
    expect(await pointOf(t, id, '0516-87654321')).toMatchObject({ source: 'hand', seenAt: '2026-01-05T02:00:00.000Z' });
    expect(await pointOf(t, id, 'Info@XZ-Land.com.cn')).toMatchObject({ source: 'hand' });
    expect(await pointOf(t, id, '13952000001')).toMatchObject({ source: 'hand' });
    await t.request('PATCH', `/api/customers/${id}`, { phones: ['0516 8765 4321', '0516-87650000'] });
    expect(await pointOf(t, id, '0516 8765 4321')).toMatchObject({
      source: 'hand',
      seenAt: '2026-01-05T02:00:00.000Z',
    });

    // Removed, then added again later: a fresh record, not the old one back.
    await confirm(t, id, { kind: 'phone', value: '0516-87650000' });
    await t.request('PATCH', `/api/customers/${id}`, { phones: ['0516 8765 4321'] });
    expect(
      Number((await t.sql("select count(*) as n from contact_points where value_key = '51687650000'"))[0]?.n),
    ).toBe(0);
    t.advanceDays(10);
    await t.request('PATCH', `/api/customers/${id}`, { phones: ['0516 8765 4321', '0516-87650000'] });
    expect(await pointOf(t, id, '0516-87650000')).toMatchObject({
      source: 'hand',
      seenAt: '2026-02-14T02:00:00.000Z',
      confirmedAt: null,
    });
    // A person removed takes their record along.
    const wang = (await t.request('GET', `/api/customers/${id}`)).json.people[0];
    await t.request('DELETE', `/api/customers/${id}/people/${wang.id}`);
    expect(
      Number((await t.sql("select count(*) as n from contact_points where value_key = '13952000001'"))[0]?.n),
    ).toBe(0);
  });

  it('an import records its file name', async () => {
    const t = makeTestApp('2026-03-01T02:00:00.000Z');
    const csv = '客户名称,联系人,手机,邮箱,等级\n徐州导入置业有限公司,张伟,13952001111,zhangwei@daoru-zy.cn,B\n';
    const r = await t.request('POST', '/api/import/commit', {
      file: { filename: '客户表.csv', data: Buffer.from(csv).toString('base64') },
      idempotencyKey: idem('import'),
    });
    expect(r.status).toBe(201);
    const id = r.json.rows[0].customerId as number;
    expect(await pointOf(t, id, '13952001111')).toMatchObject({
      source: 'import',
      sourceDetail: '客户表.csv',
      field: 'mobile',
    });
    expect(await pointOf(t, id, 'zhangwei@daoru-zy.cn')).toMatchObject({
      source: 'import',
      sourceDetail: '客户表.csv',
    });

    // A vCard into that file: the new card's number is the card file's; 张伟's mobile stays the sheet's.
    t.advanceDays(3);
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:张伟',
      'TEL;TYPE=CELL:139 5200 1111',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:李强',
      'TEL;TYPE=CELL:13952002222',
      'END:VCARD',
      '',
    ].join('\r\n');
    const cards = await t.request('POST', '/api/import/vcard', {
      customerId: id,
      file: { filename: '名片.vcf', data: Buffer.from(vcf).toString('base64') },
      idempotencyKey: idem('vcard'),
    });
    expect(cards.status).toBe(201);
    expect(await pointOf(t, id, '13952002222')).toMatchObject({ source: 'import', sourceDetail: '名片.vcf' });
    expect(await pointOf(t, id, '13952001111')).toMatchObject({
      sourceDetail: '客户表.csv',
      seenAt: '2026-03-01T02:00:00.000Z',
    });
  });

  it('values from before records were kept show an unknown source, aged from their holder; the setting moves the threshold', async () => {
    const t = makeTestApp('2026-01-01T02:00:00.000Z');
    const id = (
      await t.request('POST', '/api/customers', {
        name: '老客户',
        tier: 'C',
        phones: ['0516-87654321'],
        people: [{ name: '刘建华', mobile: '13564201188' }],
      })
    ).json.id as number;
    await t.sql('delete from contact_points');
    t.setNow('2026-08-01T02:00:00.000Z');
    const liu = (await t.request('GET', `/api/customers/${id}`)).json.people[0];
    expect(await pointOf(t, id, '13564201188')).toMatchObject({
      source: 'unknown',
      sourceDetail: null,
      seenAt: liu.createdAt,
      since: '2026-01-01T02:00:00.000Z',
      verify: false,
    });
    const put = await t.request('PUT', '/api/settings', { verifyAfterMonths: 6 });
    expect(put.status).toBe(200);
    expect((await t.request('GET', '/api/settings')).json.verifyAfterMonths).toBe(6);
    expect((await points(t, id)).map((p) => p.verify)).toEqual([true, true]);
    // A hand edit elsewhere on the file does not claim the old values.
    await t.request('PATCH', `/api/customers/${id}`, { phones: ['0516-87654321', '0516-87650000'] });
    expect(await pointOf(t, id, '0516-87654321')).toMatchObject({ source: 'unknown', verify: true });
    // Confirming one gives it a record, its source still unknown.
    await confirm(t, id, { kind: 'phone', value: '135 6420 1188', personId: liu.id });
    expect(await pointOf(t, id, '13564201188')).toMatchObject({
      source: 'unknown',
      seenAt: '2026-01-01T02:00:00.000Z',
      confirmedBy: 'click',
      verify: false,
    });
    expect((await t.request('PUT', '/api/settings', { verifyAfterMonths: 0 })).status).toBe(400);
  });

  it('a merge keeps the records of what the survivor receives; undo puts both files back', async () => {
    const t = makeTestApp('2025-09-01T02:00:00.000Z');
    const from = (
      await t.request('POST', '/api/customers', {
        name: '嘉华置业',
        tier: 'B',
        phones: ['0516-87654321'],
        people: [{ name: '王建国', mobile: '13952000001' }],
      })
    ).json.id as number;
    t.setNow('2026-06-01T02:00:00.000Z');
    const survivor = (
      await t.request('POST', '/api/customers', {
        name: '徐州嘉华融通置业有限公司',
        tier: 'A',
        phones: ['+86 516 8765 4321', '0516-80000000'],
        allowDuplicate: true,
      })
    ).json.id as number;
    await confirm(t, survivor, { kind: 'phone', value: '0516-87654321' });
    const survivorBefore = await t.sql('select * from contact_points where customer_id = ? order by id', survivor);
    const fromBefore = await t.sql('select * from contact_points where customer_id = ? order by id', from);

    t.advanceDays(0.1);
    const merged = await t.request('POST', `/api/customers/${survivor}/merge`, { from, idempotencyKey: idem('merge') });
    expect(merged.status).toBe(201);
    // The number both had: seen first on the removed file, confirmed last on the survivor.
    expect(await pointOf(t, survivor, '+86 516 8765 4321')).toMatchObject({
      source: 'hand',
      seenAt: '2025-09-01T02:00:00.000Z',
      confirmedAt: '2026-06-01T02:00:00.000Z',
      confirmedBy: 'click',
    });
    expect(await pointOf(t, survivor, '13952000001')).toMatchObject({
      source: 'hand',
      seenAt: '2025-09-01T02:00:00.000Z',
      verify: false,
    });
    // Nine months old: to be verified once the setting says six, however new the survivor is.
    await t.request('PUT', '/api/settings', { verifyAfterMonths: 6 });
    expect((await pointOf(t, survivor, '13952000001')).verify).toBe(true);

    const undone = await t.request('POST', `/api/merges/${merged.json.mergeId}/undo`);
    expect(undone.status).toBe(200);
    expect(await t.sql('select * from contact_points where customer_id = ? order by id', survivor)).toEqual(
      survivorBefore,
    );
    expect(await t.sql('select * from contact_points where customer_id = ? order by id', from)).toEqual(fromBefore);
    expect((await points(t, from)).map((p) => p.value)).toEqual(['0516-87654321', '13952000001']);
  });

  it('undo of a merge leaves a moved number the survivor was edited to keep with its record', async () => {
    const t = makeTestApp('2025-09-01T02:00:00.000Z');
    const from = (await t.request('POST', '/api/customers', { name: '嘉华置业', tier: 'B', phones: ['0516-81112222'] }))
      .json.id as number;
    t.setNow('2026-06-01T02:00:00.000Z');
    const survivor = (
      await t.request('POST', '/api/customers', {
        name: '徐州嘉华融通置业有限公司',
        tier: 'A',
        phones: ['0516-80000000'],
        allowDuplicate: true,
      })
    ).json.id as number;
    const merged = await t.request('POST', `/api/customers/${survivor}/merge`, { from, idempotencyKey: idem('merge') });
    expect(merged.status).toBe(201);
    t.advanceDays(1);
    // Edited since the merge: the undo leaves the survivor's phones as they are now.
    const edit = await t.request('PATCH', `/api/customers/${survivor}`, {
      phones: ['0516-80000000', '0516-81112222', '0516-83334444'],
    });
    expect(edit.status).toBe(200);
    expect(await pointOf(t, survivor, '0516-81112222')).toMatchObject({
      source: 'hand',
      seenAt: '2025-09-01T02:00:00.000Z',
    });

    expect((await t.request('POST', `/api/merges/${merged.json.mergeId}/undo`)).status).toBe(200);
    // Still on the survivor, still as old as it is: not a number of unknown source.
    expect(await pointOf(t, survivor, '0516-81112222')).toMatchObject({
      source: 'hand',
      seenAt: '2025-09-01T02:00:00.000Z',
    });
    expect(await pointOf(t, survivor, '0516-83334444')).toMatchObject({
      source: 'hand',
      seenAt: '2026-06-02T02:00:00.000Z',
    });
    // The removed file comes back with its own record.
    expect(await pointOf(t, from, '0516-81112222')).toMatchObject({
      source: 'hand',
      seenAt: '2025-09-01T02:00:00.000Z',
    });
  });

  it('a JSON backup carries the records; restored, each value keeps its source and age', async () => {
    const a = makeTestApp('2025-01-10T02:00:00.000Z');
    const id = (await a.request('POST', '/api/customers', { name: '嘉华融通', tier: 'C', phones: ['0516-87654321'] }))
      .json.id as number;
    const res = await a.app.request('/api/export?format=json', {
      headers: { authorization: 'Bearer test-token-0123456789' },
    });
    const backup = Buffer.from(await res.arrayBuffer());
    expect(JSON.parse(backup.toString('utf8')).tables.contactPoints).toHaveLength(1);
    const b = makeTestApp('2026-03-01T02:00:00.000Z');
    const restored = await b.request('POST', '/api/import/backup', {
      file: { filename: 'backup.json', data: backup.toString('base64') },
      idempotencyKey: idem('restore'),
    });
    expect(restored.status).toBe(201);
    expect(await pointOf(b, id, '0516-87654321')).toMatchObject({
      source: 'hand',
      seenAt: '2025-01-10T02:00:00.000Z',
      verify: true,
    });
  });

  it('bad confirmations answer 4xx with a code and change nothing', async () => {
    const t = makeTestApp();
    const id = (
      await t.request('POST', '/api/customers', {
        name: '嘉华融通',
        tier: 'C',
        phones: ['0516-87654321'],
        people: [{ name: '王建国', mobile: '13952000001' }],
      })
    ).json.id as number;
    const other = (await t.request('POST', '/api/customers', { name: '别家', tier: 'C' })).json.id as number;
    const before = await t.dump(['audit_log']);
    for (const body of [
      {},
      { kind: 'fax', value: '0516-87654321' },
      { kind: 'phone', value: '' },
      { kind: 'phone', value: '0516-11111111' },
      { kind: 'email', value: '0516-87654321' },
      { kind: 'phone', value: '0516-87654321', personId: 999999 },
      { kind: 'phone', value: '0516-87654321', personId: 'x' },
    ]) {
      const r = await confirm(t, id, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.code).toBe('invalid_request');
    }
    expect((await confirm(t, other, { kind: 'phone', value: '0516-87654321' })).status).toBe(400);
    expect((await confirm(t, 999999, { kind: 'phone', value: '0516-87654321' })).status).toBe(404);
    expect(await t.dump(['audit_log'])).toEqual(before);
  });
});
