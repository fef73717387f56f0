/// <reference path="../../types/vcf.d.ts" />
import ICAL from 'ical.js';
import vCard from 'vcf';
import { describe, expect, it } from 'vitest';
import { readCsv, readXlsx } from '../../services/transfer/files.ts';
import { makeTestApp, type TestApp } from '../../test-utils.ts';

/** A small but complete book of business: every customer field, people, keys, the contact history. */
async function seed(t: TestApp) {
  const xz = await t.request('POST', '/api/customers', {
    name: '徐州嘉华融通置业有限公司',
    tier: 'A',
    stage: 'contacted',
    region: ['华东', '江苏', '徐州'],
    companyType: 'private',
    sizeClass: 'large',
    industry: '房地产',
    businessScope: '房地产开发经营；物业管理',
    products: '住宅、商业综合体',
    trends: '向城市更新转型',
    address: '徐州市云龙区和平路88号',
    phones: ['0516-87654321', '0516-87654322'],
    fax: ['0516-87654300'],
    emails: ['info@xz-land.com.cn'],
    website: 'https://www.xz-land.com.cn/',
    notes: '董事长喜欢喝茶\n每月初对账',
    nextStep: '送方案',
    keys: [
      { kind: 'credit_code', value: '91310000MA1FL4CT3U' },
      { kind: 'icp', value: '苏ICP备12345678号' },
    ],
    people: [
      {
        name: '王建国',
        title: '董事长',
        mobile: '13952000001',
        directLine: '0516-87654301',
        email: 'wang@xz-land.com.cn',
        birthday: '1968-05-12',
        homeAddress: '徐州市泉山区湖东路1号',
        preferences: '红茶, 围棋',
        keyPerson: true,
      },
      { name: '李海燕', title: '采购经理', mobile: '13952000002' },
    ],
  });
  t.advanceDays(1);
  const nw = await t.request('POST', '/api/customers', {
    name: 'Northwind Trading Co., Ltd.',
    tier: 'B',
    website: 'northwind-trading.com',
    notes: '=HYPERLINK("http://evil")',
    people: [{ name: 'Ann Lee', email: 'ann.lee@gmail.com' }],
  });
  const lost = await t.request('POST', '/api/customers', { name: '南京恒泰建设有限公司', tier: 'C' });
  t.advanceDays(1);
  await t.request('PATCH', `/api/customers/${lost.json.id}`, {
    status: 'lost',
    lostReasonCode: 'price',
    lostReason: '对手报价低 8%',
  });
  const wang = xz.json.people[0].id;
  const log = (body: object) => t.request('POST', '/api/interactions', body);
  expect(
    (
      await log({
        customerId: xz.json.id,
        kind: 'call',
        personId: wang,
        summary: '约下周拜访',
        idempotencyKey: 'seed-call-0001',
      })
    ).status,
  ).toBe(201);
  t.advanceDays(2);
  const visit = await log({
    customerId: xz.json.id,
    kind: 'visit',
    personId: wang,
    summary: '现场拜访',
    outcome: '同意试用',
    intention: 'high',
    appointment: '2026-12-10T02:00:00.000Z',
    visit: { needs: '物业系统', environment: '新办公楼', entryPoint: '总经办' },
    idempotencyKey: 'seed-visit-0001',
  });
  expect(visit.status).toBe(201);
  await log({ customerId: nw.json.id, kind: 'note', summary: 'met at fair', idempotencyKey: 'seed-note-0001' });
  return { xz: xz.json.id as number, nw: nw.json.id as number, lost: lost.json.id as number };
}

async function download(t: TestApp, query: string, headers = {}) {
  const res = await t.app.request(`/api/export?${query}`, {
    headers: { authorization: 'Bearer test-token-0123456789', ...headers },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    body: Buffer.from(await res.arrayBuffer()),
  };
}

/** The sheets as text, with every id replaced by its position, so two databases compare by content. */
async function sheetsOf(xlsx: Buffer) {
  const grids = await readXlsx(xlsx);
  const [customers, people, keys, interactions] = grids;
  const ids = (rows: string[][], col: number) => new Map(rows.slice(1).map((r, i) => [r[col] as string, `#${i + 1}`]));
  const cid = ids(customers?.rows ?? [], 0);
  const pid = ids(people?.rows ?? [], 1);
  const swap = (rows: string[][] | undefined, cols: [number, Map<string, string>][]) =>
    (rows ?? []).map((r, i) => (i === 0 ? r : r.map((v, j) => cols.find(([c]) => c === j)?.[1].get(v) ?? v)));
  return {
    names: grids.map((g) => g.name),
    customers: swap(customers?.rows, [[0, cid]]),
    people: swap(people?.rows, [
      [0, cid],
      [1, pid],
    ]),
    keys: swap(keys?.rows, [[0, cid]]),
    interactions: swap(interactions?.rows, [
      [0, cid],
      [1, pid],
    ]),
  };
}

describe('export', () => {
  it('round-trips: XLSX export → import into a fresh database → export again is equal', {
    timeout: 30_000,
  }, async () => {
    const a = makeTestApp();
    await seed(a);
    const first = await download(a, 'format=xlsx');
    expect(first.status).toBe(200);
    expect(first.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(first.disposition).toMatch(/^attachment; filename="dossier-\d{4}-\d{2}-\d{2}\.xlsx"$/);

    const b = makeTestApp('2027-03-01T00:00:00.000Z');
    const imported = await b.request('POST', '/api/import/commit', {
      file: { filename: 'dossier.xlsx', data: first.body.toString('base64') },
      idempotencyKey: 'roundtrip-xlsx-1',
    });
    expect(imported.status).toBe(201);
    expect(imported.json).toMatchObject({ total: 3, created: 3, invalid: 0 });
    const second = await download(b, 'format=xlsx');
    const [s1, s2] = [await sheetsOf(first.body), await sheetsOf(second.body)];
    expect(s1.names).toEqual(['客户', '联系人', '匹配键', '联系记录']);
    expect(s1.customers).toHaveLength(4);
    expect(s1.people).toHaveLength(4);
    expect(s1.interactions).toHaveLength(4);
    expect(s2).toEqual(s1);
    // English headers read back the same.
    const en = await download(a, 'format=xlsx&lang=en');
    expect((await sheetsOf(en.body)).names).toEqual(['Customers', 'People', 'Keys', 'Interactions']);
  });

  it('round-trips: JSON backup → restore into an empty database → backup again is equal', async () => {
    const a = makeTestApp();
    const ids = await seed(a);
    await a.sql(
      "insert into materials (customer_id, number, title, file_name, mime_type, content, created_at) values (?, 1, '公司简介', 'a.pdf', 'application/pdf', ?, '2026-11-23T02:00:00.000Z')",
      ids.xz,
      Buffer.from([0, 1, 2, 255]),
    );
    await a.request('POST', '/api/commitments', {
      customerId: ids.xz,
      text: '周五前发报价',
      dueAt: '2026-11-28T02:00:00.000Z',
    });
    const mia = a.addUser('mia', 'member');
    await a.request('POST', `/api/customers/${ids.nw}/shares`, { userId: mia.id });
    await a.request('DELETE', `/api/customers/${ids.lost}`);
    await a.request('PATCH', `/api/customers/${ids.xz}`, { formerNames: ['徐州嘉华置业有限公司'] });
    const first = await download(a, 'format=json');
    expect(first.type).toBe('application/json; charset=utf-8');
    const backup = JSON.parse(first.body.toString('utf8'));
    expect(backup.tables.customers).toHaveLength(3); // the removed file too: a backup is everything
    // But not who sent each contact's key (a replay record, not the files' data).
    expect(backup.tables.interactions.length).toBeGreaterThan(0);
    for (const i of backup.tables.interactions) {
      expect(i).not.toHaveProperty('requestedBy');
      expect(i).not.toHaveProperty('requestFingerprint');
    }
    const [held] = await a.sql('select count(*) as n from interactions where requested_by is not null');
    expect(Number(held?.n)).toBeGreaterThan(0);

    const b = makeTestApp();
    const restored = await b.request('POST', '/api/import/backup', {
      file: { filename: 'backup.json', data: first.body.toString('base64') },
      idempotencyKey: 'restore-0001',
    });
    expect(restored.status).toBe(201);
    expect(restored.json.restored).toMatchObject({
      customers: 3,
      people: 3,
      interactions: 3,
      materials: 1,
      customerShares: 1,
    });
    const again = JSON.parse((await download(b, 'format=json')).body.toString('utf8'));
    const restoredFile = (await b.request('GET', `/api/customers/${ids.xz}`)).json;
    expect(restoredFile.formerNames).toEqual(['徐州嘉华置业有限公司']);
    // The restore request itself is the one audit entry the copy has on top.
    again.tables.auditLog = again.tables.auditLog.filter((e: { path: string }) => e.path !== '/api/import/backup');
    expect({ ...again, exportedAt: null }).toEqual({ ...backup, exportedAt: null });
    // Restored files work: search, the board, a member's token-less account is there.
    expect((await b.request('GET', `/api/customers/${ids.xz}`)).json.people).toHaveLength(2);
    const search = await b.request('GET', `/api/search?q=${encodeURIComponent('嘉华')}`);
    expect(JSON.stringify(search.json)).toContain(String(ids.xz));

    // A backup that names them anyway (written by hand, or by another program) restores without them.
    const planted = structuredClone(backup);
    for (const i of planted.tables.interactions) Object.assign(i, { requestedBy: 1, requestFingerprint: 'f' });
    const c = makeTestApp();
    const fromPlanted = await c.request('POST', '/api/import/backup', {
      file: { filename: 'b.json', data: Buffer.from(JSON.stringify(planted)).toString('base64') },
    });
    expect(fromPlanted.status).toBe(201);
    const [kept] = await c.sql(
      'select count(*) as n from interactions where requested_by is not null or request_fingerprint is not null',
    );
    expect(Number(kept?.n)).toBe(0);
    expect(Number((await c.sql('select count(*) as n from interactions'))[0]?.n)).toBe(
      backup.tables.interactions.length,
    );

    const replay = await b.request('POST', '/api/import/backup', {
      file: { filename: 'backup.json', data: first.body.toString('base64') },
      idempotencyKey: 'restore-0001',
    });
    expect(replay.status).toBe(200);
    const twice = await b.request('POST', '/api/import/backup', {
      file: { filename: 'backup.json', data: first.body.toString('base64') },
    });
    expect(twice.status).toBe(409);
    // The member is added as a manager adds one (not t.addUser: its ids on PostgreSQL, 1001 on,
    // are those the restored users of `a` already hold).
    const member = await b.request('POST', '/api/users', { name: 'max', role: 'member' });
    expect(member.status).toBe(201);
    expect(
      (
        await b.request(
          'POST',
          '/api/import/backup',
          { file: { filename: 'b.json', data: first.body.toString('base64') } },
          { authorization: `Bearer ${member.json.token}` },
        )
      ).status,
    ).toBe(403);
  });

  it('gives a member only their own (and shared) files, in every format', async () => {
    const t = makeTestApp();
    const mia = t.addUser('mia', 'member');
    const mine = await t.request('POST', '/api/customers', {
      name: '米娅的客户有限公司',
      tier: 'A',
      owner: 'mia',
      people: [{ name: '赵一', mobile: '13900000001' }],
    });
    const shared = await t.request('POST', '/api/customers', {
      name: '共享客户有限公司',
      tier: 'B',
      owner: 'owner',
      people: [{ name: '钱二' }],
    });
    const other = await t.request('POST', '/api/customers', {
      name: '别人的客户有限公司',
      tier: 'A',
      owner: 'owner',
      people: [{ name: '孙三', birthday: '1970-01-01' }],
    });
    await t.request('POST', `/api/customers/${shared.json.id}/shares`, { userId: mia.id });
    const x = await sheetsOf((await download(t, 'format=xlsx', mia.headers)).body);
    expect(x.customers.slice(1).map((r) => r[1])).toEqual(['米娅的客户有限公司', '共享客户有限公司']);
    expect(x.people.slice(1).map((r) => r[2])).toEqual(['赵一', '钱二']);
    const csv = readCsv((await download(t, 'format=csv&entity=people', mia.headers)).body, 'people');
    expect(csv.rows.slice(1).map((r) => r[2])).toEqual(['赵一', '钱二']);
    const json = JSON.parse((await download(t, 'format=json', mia.headers)).body.toString('utf8'));
    expect(json.tables.customers.map((c: { id: number }) => c.id)).toEqual([mine.json.id, shared.json.id]);
    expect(json.tables.users).toEqual([expect.objectContaining({ name: 'mia' })]);
    expect(json.tables.auditLog).toBeUndefined();
    const vcf = (await download(t, 'format=vcf', mia.headers)).body.toString('utf8');
    expect(vcf).not.toContain('孙三');
    expect((await download(t, `format=vcf&customerId=${other.json.id}`, mia.headers)).status).toBe(404);
    // The manager sees all three.
    expect((await sheetsOf((await download(t, 'format=xlsx')).body)).customers).toHaveLength(4);
  });

  it('writes CSV that Excel opens as UTF-8 without running formulas, and re-imports it', async () => {
    const a = makeTestApp();
    await seed(a);
    const csv = await download(a, 'format=csv');
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body.toString('utf8')).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const b = makeTestApp();
    const r = await b.request('POST', '/api/import/commit', {
      file: { filename: 'c.csv', data: csv.body.toString('base64') },
      idempotencyKey: 'csv-roundtrip-1',
    });
    expect(r.json).toMatchObject({ created: 3, invalid: 0 });
    const nw = r.json.rows[1].customerId;
    expect((await b.request('GET', `/api/customers/${nw}`)).json.notes).toBe('=HYPERLINK("http://evil")');
  });

  it("leaves the people's private notes out of CSV, XLSX and vCard unless asked for (private=true); the backup keeps them", async () => {
    const t = makeTestApp();
    await seed(t);
    // (vCard writes the comma escaped: 红茶\, 围棋.)
    const has = (b: Buffer) => b.toString('utf8').includes('红茶');
    const csv = await download(t, 'format=csv&entity=people');
    expect(csv.status).toBe(200);
    expect(has(csv.body)).toBe(false);
    expect(csv.body.toString('utf8')).not.toContain('偏好');
    expect(csv.body.toString('utf8')).toContain('王建国');
    const vcf = await download(t, 'format=vcf');
    expect(has(vcf.body)).toBe(false);
    expect(vcf.body.toString('utf8')).not.toContain('NOTE');
    const xlsx = (await sheetsOf((await download(t, 'format=xlsx')).body)).people;
    expect(xlsx.flat()).not.toContain('红茶, 围棋');
    expect(xlsx[0]).not.toContain('偏好');

    expect(has((await download(t, 'format=csv&entity=people&private=true')).body)).toBe(true);
    expect(has((await download(t, 'format=vcf&private=true')).body)).toBe(true);
    expect((await sheetsOf((await download(t, 'format=xlsx&private=true')).body)).people.flat()).toContain(
      '红茶, 围棋',
    );
    expect(has((await download(t, 'format=json')).body)).toBe(true);
    expect((await download(t, 'format=csv&private=yes')).status).toBe(400);
  });

  it('writes people as vCard 4.0 that a vCard parser reads back', async () => {
    const t = makeTestApp();
    await seed(t);
    const res = await download(t, 'format=vcf');
    expect(res.type).toBe('text/vcard; charset=utf-8');
    const cards = (ICAL.parse(res.body.toString('utf8')) as unknown[]).map((j) => new ICAL.Component(j as never));
    expect(cards).toHaveLength(3);
    const wang = cards[0] as ICAL.Component;
    expect(wang.getFirstPropertyValue('version')).toBe('4.0');
    expect(wang.getFirstPropertyValue('fn')).toBe('王建国');
    expect(wang.getFirstPropertyValue('org')).toBe('徐州嘉华融通置业有限公司');
    expect(wang.getAllProperties('tel').map((p) => p.getFirstValue())).toEqual([
      'tel:+8613952000001',
      'tel:+8651687654301',
    ]);
    expect(String(wang.getFirstPropertyValue('bday'))).toContain('1968-05-12');
    // As RFC 6350 writes them, for readers that take TEL as text unless told: VALUE=uri; N split.
    const text = res.body.toString('utf8');
    expect(text).toContain('TEL;TYPE=cell;VALUE=uri:tel:+8613952000001');
    expect(text).toContain('N:王;建国;;;');
    // Re-importing the cards into the same customer finds every person already there.
    const again = await t.request('POST', '/api/import/vcard', {
      customerId: 1,
      file: { filename: 'p.vcf', data: res.body.toString('base64') },
    });
    expect(again.json).toMatchObject({ created: 1, skipped: 2 });
  });

  it('writes XLSX dates as date cells in the configured time zone and values in the book language, read by another reader', async () => {
    const t = makeTestApp(); // 2026-11-23T02:00Z: 10:00 in Asia/Shanghai
    await seed(t);
    // Read by the import's own streaming reader (xlsx-read.ts), not by ExcelJS that wrote it: a
    // date-formatted number comes back as the wall time it shows, text would be an ISO string.
    const zh = await readXlsx((await download(t, 'format=xlsx')).body);
    const [customers, people, , interactions] = zh;
    const col = (rows: string[][] | undefined, header: string) => {
      const j = (rows?.[0] ?? []).indexOf(header);
      return (rows ?? []).slice(1).map((r) => r[j]);
    };
    expect(col(customers?.rows, '创建时间')[0]).toBe('2026-11-23T10:00:00.000');
    expect(col(interactions?.rows, '约定时间')).toContain('2026-12-10T10:00:00.000');
    expect(col(people?.rows, '生日')[0]).toBe('1968-05-12');
    expect(col(customers?.rows, '状态')).toEqual(['活跃', '潜在', '流失']);
    expect(col(customers?.rows, '阶段')[0]).toBe('已联系');
    expect(col(customers?.rows, '企业类型')[0]).toBe('民营');
    expect(col(customers?.rows, '规模')[0]).toBe('大型');
    expect(col(customers?.rows, '流失原因代码')[2]).toBe('价格');
    expect(col(people?.rows, '关键人').slice(0, 2)).toEqual(['是', '否']);
    expect(col(interactions?.rows, '类型')).toEqual(expect.arrayContaining(['电话', '拜访', '备注']));
    expect(col(interactions?.rows, '意向')).toContain('高');
    // An English book keeps the codes.
    const [en] = await readXlsx((await download(t, 'format=xlsx&lang=en')).body);
    expect(col(en?.rows, 'Company type')[0]).toBe('private');
    expect(col(en?.rows, 'Status')).toEqual(['active', 'prospect', 'lost']);
  });

  it('writes vCard 3.0 on request; both versions read by an independent parser (vcf)', async () => {
    const t = makeTestApp();
    await seed(t);
    const v3 = (await download(t, 'format=vcf&version=3.0')).body.toString('utf8');
    const cards3 = vCard.parse(v3);
    expect(cards3).toHaveLength(3);
    const wang3 = cards3[0] as vCard;
    expect(wang3.version).toBe('3.0');
    expect(wang3.get('fn')?.valueOf()).toBe('王建国');
    expect(wang3.get('n')?.valueOf()).toBe('王;建国;;;');
    const tels = ([] as vCard.Property[]).concat(wang3.get('tel') ?? []);
    expect(tels.map((p) => p.valueOf())).toEqual(['+8613952000001', '+8651687654301']);
    expect(tels.map((p) => p.type)).toEqual([
      ['cell', 'voice'],
      ['work', 'voice'],
    ]);
    expect(v3).not.toContain('tel:');
    const v4 = (await download(t, 'format=vcf')).body.toString('utf8');
    const wang4 = vCard.parse(v4)[0] as vCard;
    expect(wang4.version).toBe('4.0');
    const tel4 = ([] as vCard.Property[]).concat(wang4.get('tel') ?? []);
    expect(tel4.map((p) => [p.valueOf(), (p as unknown as { value?: string }).value])).toEqual([
      ['tel:+8613952000001', 'uri'],
      ['tel:+8651687654301', 'uri'],
    ]);
    // The 3.0 cards import as the 4.0 ones do: every person already there.
    const again = await t.request('POST', '/api/import/vcard', {
      customerId: 1,
      file: { filename: 'p3.vcf', data: Buffer.from(v3).toString('base64') },
    });
    expect(again.json).toMatchObject({ created: 1, skipped: 2 });
  });
});
