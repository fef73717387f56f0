import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test-utils.ts';

// The samples of ../shared/fixtures/contact-exports (read in place, never copied), imported as a
// user would: the file chosen and committed, nothing else — no header row, mapping or decision
// given. Each test is that file's count of manual steps beyond choosing it: zero.
const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/fixtures/contact-exports');
const NOW = '2026-12-06T02:00:00.000Z'; // 10:00 in Asia/Shanghai, the default time zone

let seq = 0;
async function importFile(t: TestApp, file: string) {
  const data = readFileSync(join(dir, file)).toString('base64');
  const r = await t.request('POST', '/api/import/commit', {
    file: { filename: file, data },
    idempotencyKey: `contact-exports-${++seq}`,
  });
  expect(r.status).toBe(201);
  return r.json;
}

/** A JSON list column: text on SQLite, already parsed on PostgreSQL (jsonb). */
const jsonList = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as string[];

const customers = async (t: TestApp) =>
  (await t.sql('select * from customers where deleted_at is null order by id')).map((c) => ({
    id: c.id as number,
    name: c.name as string,
    tier: c.tier as string,
    phones: jsonList(c.phones),
    fax: jsonList(c.fax),
    emails: jsonList(c.emails),
    website: c.website as string | null,
    address: c.address as string | null,
    nextDue: c.next_due as string,
  }));

const people = async (t: TestApp, customerId: number) =>
  (await t.sql(
    `select name, title, mobile, direct_line as "directLine", email, birthday, preferences
     from people where customer_id = ? and deleted_at is null order by id`,
    customerId,
  )) as Record<string, string | null>[];

const keysOf = async (t: TestApp) =>
  (await t.sql('select customer_id as "customerId", kind, value from customer_keys order by id')) as {
    customerId: number;
    kind: string;
    value: string;
  }[];

describe('contact exports people already have (../shared/fixtures/contact-exports)', () => {
  it('Google Contacts CSV: two companies with their people, names in the right order, ::: split, a person without a company listed', async () => {
    const t = makeTestApp(NOW);
    const report = await importFile(t, 'google-contacts.csv');
    expect({ ...report, rows: undefined, importId: undefined, createdAt: undefined }).toMatchObject({
      total: 4,
      created: 2,
      merged: 1,
      invalid: 0,
      unplaced: 1,
    });
    const [haiyi, pacific, ...more] = await customers(t);
    expect(more).toEqual([]);
    expect(haiyi).toMatchObject({ name: '青岛海逸置业有限公司', website: 'https://www.hy-qd.com.cn' });
    expect(await people(t, haiyi?.id as number)).toMatchObject([
      {
        name: '刘建华',
        title: '总经理',
        mobile: '+86 135-6420-1188',
        directLine: '0532-8588 7766',
        email: 'liujh@hy-qd.com.cn',
        birthday: '1975-03-18',
      },
      {
        name: '孙敏',
        title: '财务经理',
        mobile: '138 6390 2277',
        email: 'sunmin@hy-qd.com.cn',
        // No year in the file (--06-01): kept under the no-year year, as Apple's address book does.
        birthday: '1604-06-01',
        preferences: '部门：财务部',
      },
    ]);
    // The second address of " ::: " is the company's, not lost.
    expect(haiyi?.emails).toEqual(['finance@hy-qd.com.cn']);
    expect(pacific).toMatchObject({ name: 'Pacific Bay Logistics (Qingdao) Co., Ltd.' });
    expect(await people(t, pacific?.id as number)).toMatchObject([
      { name: 'Michael Zhang', title: 'Operations Director', directLine: '+86 532 6677 8899' },
    ]);
    expect(pacific?.phones).toEqual(['+86 532 6677 8800']);
    // 王小红 has no company: in the report to be placed, neither dropped nor made a company.
    expect(report.rows.find((r: { row: number }) => r.row === 5)).toEqual({
      row: 5,
      outcome: 'unplaced',
      person: { name: '王小红', mobile: '15012345678', email: 'wxh2020@qq.com' },
    });
    expect((await keysOf(t)).map((k) => k.value)).not.toContain('qq.com');
  });

  it('places a person without a company where the user says (a merge decision), and matches one by mobile', async () => {
    const t = makeTestApp(NOW);
    const friend = await t.request('POST', '/api/customers', { name: '青岛朋友圈贸易有限公司', tier: 'C' });
    const data = readFileSync(join(dir, 'google-contacts.csv')).toString('base64');
    const r = await t.request('POST', '/api/import/commit', {
      file: { filename: 'google-contacts.csv', data },
      decisions: [{ row: 5, action: 'merge', customerId: friend.json.id }],
      idempotencyKey: 'contact-exports-place-1',
    });
    expect(r.status).toBe(201);
    expect(r.json.rows[3]).toMatchObject({ row: 5, outcome: 'merged', customerId: friend.json.id });
    expect((await people(t, friend.json.id)).map((p) => p.name)).toEqual(['王小红']);
    // 刘建华's Android card has no ORG, but his mobile is on file (written +86 135-6420-1188 there):
    // he is found, not listed to place nor added twice (nothing new on the card: unchanged).
    const android = await importFile(t, 'android-contacts.vcf');
    const haiyi = (await customers(t)).find((c) => c.name === '青岛海逸置业有限公司');
    expect(android.rows[1]).toMatchObject({
      outcome: 'skipped',
      customerId: haiyi?.id,
      matchedBy: { kind: 'mobile', value: '+8613564201188' },
    });
    expect((await people(t, haiyi?.id as number)).map((p) => p.name)).toEqual(['刘建华', '孙敏']);
  });

  it('Outlook CSV: the same two companies from UTF-8 with BOM and from GBK; person vs company fields, US dates, 0/0/00, A类客户', async () => {
    const results = [];
    for (const file of ['outlook-contacts-utf8.csv', 'outlook-contacts-gbk.csv']) {
      const t = makeTestApp(NOW);
      const report = await importFile(t, file);
      expect(report).toMatchObject({ total: 3, created: 2, merged: 1, invalid: 0, unplaced: 0 });
      const list = await customers(t);
      results.push({
        list: list.map(({ id: _, ...c }) => c),
        people: await Promise.all(list.map((c) => people(t, c.id))),
      });
      const [lunen, contoso] = list;
      expect(lunen).toMatchObject({
        name: '济南鲁能泰山置业有限公司',
        tier: 'A',
        phones: ['0531-8612 3456'],
        fax: ['0531-8612 3457'],
        address: '历下区经十路 17703 号, 济南, 山东 250061',
        website: 'www.lntszy.com',
      });
      expect(await people(t, lunen?.id as number)).toMatchObject([
        { name: '陈志强', title: '董事长', mobile: '13905310001', email: 'chenzq@lntszy.com', birthday: '1968-08-09' },
        {
          name: '赵丽',
          title: '采购主管',
          directLine: '0531-8612 3458',
          mobile: '+86 186 5310 0002',
          birthday: '1985-12-31',
        },
      ]);
      expect(contoso).toMatchObject({ name: 'Contoso Building Materials Ltd.', tier: 'C' });
      expect(await people(t, contoso?.id as number)).toMatchObject([
        { name: 'John Smith', title: 'Purchasing Manager', birthday: null },
      ]);
    }
    expect(results[1]).toEqual(results[0]);
  });

  it('iPhone vCard 3.0: one company with both people, grouped by ORG; photo and X- properties ignored', async () => {
    const t = makeTestApp(NOW);
    const report = await importFile(t, 'apple-contacts.vcf');
    expect(report).toMatchObject({ total: 2, created: 1, merged: 1, invalid: 0, unplaced: 0 });
    const [haiyi, ...more] = await customers(t);
    expect(more).toEqual([]);
    expect(haiyi).toMatchObject({
      name: '青岛海逸置业有限公司',
      website: 'https://www.hy-qd.com.cn',
      address: '香港东路 195 号, 青岛市, 山东省 266061',
    });
    const [liu, zhou] = await people(t, haiyi?.id as number);
    expect(liu).toMatchObject({
      name: '刘建华',
      title: '总经理',
      mobile: '+86 135 6420 1188',
      directLine: '0532 8588 7766',
      email: 'liujh@hy-qd.com.cn',
      birthday: '1975-03-18',
    });
    expect(liu?.preferences).toBe(
      '老客户，喜欢喝崂山绿茶。2024 年起负责二期项目营销，决策链：刘总→董事长王总。每周三上午在售楼处。\n部门：营销中心',
    );
    expect(zhou).toMatchObject({ name: '周雅琴', title: '总经理助理', birthday: '1604-08-19' });
  });

  it('Android vCards (3.0 and 2.1, quoted-printable): decoded, grouped, the card without ORG listed to place', async () => {
    const t = makeTestApp(NOW);
    const report = await importFile(t, 'android-contacts.vcf');
    expect(report).toMatchObject({ total: 2, created: 1, unplaced: 1, invalid: 0 });
    const [haiyi] = await customers(t);
    expect(haiyi?.name).toBe('青岛海逸置业有限公司');
    expect(await people(t, haiyi?.id as number)).toMatchObject([
      {
        name: '孙敏',
        title: '财务经理',
        mobile: '138-6390-2277',
        directLine: '+8653285887799',
        email: 'sunmin@hy-qd.com.cn',
        birthday: '1983-06-01',
      },
    ]);
    expect(report.rows[1]).toMatchObject({ outcome: 'unplaced', person: { name: '刘建华', mobile: '+8613564201188' } });
    expect(JSON.stringify(await t.sql('select * from people'))).not.toMatch(/=[0-9A-F]{2}/);

    const short = makeTestApp(NOW);
    await importFile(short, 'android-short-qp.vcf');
    expect(await people(short, (await customers(short))[0]?.id as number)).toMatchObject([
      { name: '孙敏', title: '财务经理' },
    ]);
  });

  it('vCard 2.1 without ORG: a person to place alone, joined to the company of their e-mail domain when it is on file', async () => {
    const alone = makeTestApp(NOW);
    const first = await importFile(alone, 'android-21.vcf');
    expect(first.rows).toEqual([
      {
        row: 2,
        outcome: 'unplaced',
        person: { name: '钱多多', mobile: '+8613700137000', email: 'qianduoduo@hy-qd.com.cn' },
      },
    ]);
    expect(await customers(alone)).toEqual([]);

    const t = makeTestApp(NOW);
    await importFile(t, 'google-contacts.csv');
    const report = await importFile(t, 'android-21.vcf');
    const haiyi = (await customers(t))[0];
    expect(report.rows[0]).toMatchObject({
      outcome: 'merged',
      customerId: haiyi?.id,
      matchedBy: { kind: 'email_domain', value: 'hy-qd.com.cn' },
    });
    expect((await people(t, haiyi?.id as number)).map((p) => p.name)).toEqual(['刘建华', '孙敏', '钱多多']);
  });

  it("an account manager's workbook: title row skipped, tiers read, numbers exact, last contacts logged in the local time zone", async () => {
    const t = makeTestApp(NOW);
    const report = await importFile(t, 'account-manager-book.xlsx');
    expect(report).toMatchObject({ total: 6, created: 5, merged: 1, invalid: 0 });
    const list = await customers(t);
    expect(list.map((c) => [c.name, c.tier])).toEqual([
      ['徐州恒达置业有限公司', 'A'],
      ['南京紫金建设集团有限公司', 'B'],
      ['苏州工业园区金鸡湖物业管理有限公司', 'C'],
      ['无锡太湖新城发展有限公司', 'A'],
      ['常州龙城置业有限公司', 'B'],
    ]);
    const [xuzhou, nanjing, suzhou] = list;
    expect((await people(t, xuzhou?.id as number)).map((p) => [p.name, p.mobile])).toEqual([
      ['王海涛', '13952101234'],
      ['李娜', '18952105678'],
    ]);
    const contacts = (await t.sql('select customer_id as "customerId", kind, at from interactions order by id')) as {
      customerId: number;
      kind: string;
      at: string;
    }[];
    // Excel's times have no zone: read in Asia/Shanghai. 2026-10-15, a day without its hour, is
    // logged at the end of that day there (its next call due, a cadence later, on its day).
    expect(contacts.find((c) => c.customerId === nanjing?.id)?.at).toBe('2026-10-15T15:59:59.999Z');
    // 2026-11-30 23:30 stays in November.
    expect(contacts.find((c) => c.customerId === suzhou?.id)?.at).toBe('2026-11-30T15:30:00.000Z');
    // The text "2026/11/20" is a local date too.
    expect(contacts.find((c) => c.customerId === list[4]?.id)?.at).toBe('2026-11-20T15:59:59.999Z');
    // B: a call a week after the last contact — due on 2026-10-22 and overdue since, not due from the import.
    expect(nanjing?.nextDue).toBe('2026-10-22T15:59:59.999Z');
    expect(new Date(nanjing?.nextDue as string) < new Date(NOW)).toBe(true);
    // A free-mail address (126.com) is nobody's company key.
    expect((await keysOf(t)).filter((k) => k.customerId === suzhou?.id)).toEqual([]);
  });

  it('dedupe.csv: the same mobile merges into the file on record, a similar name is offered, the rest is created', async () => {
    const t = makeTestApp(NOW);
    const existing = await t.request('POST', '/api/customers', {
      name: '辽宁华远置业集团股份有限公司',
      tier: 'A',
      people: [{ name: '王建国', mobile: '13904001234' }],
    });
    expect(existing.status).toBe(201);
    const id = existing.json.id as number;
    const report = await importFile(t, 'dedupe.csv');
    expect(report.rows[0]).toMatchObject({
      row: 2,
      outcome: 'merged',
      customerId: id,
      matchedBy: { kind: 'mobile', value: '139 0400 1234' },
    });
    expect((await people(t, id)).map((p) => p.name)).toEqual(['王建国']);
    expect(report.rows[1]).toMatchObject({
      row: 3,
      outcome: 'created',
      suggestion: { customerId: id, name: '辽宁华远置业集团股份有限公司' },
    });
    expect(report.rows[2]).toMatchObject({ row: 4, outcome: 'created' });
    expect((await customers(t)).map((c) => c.name)).toEqual([
      '辽宁华远置业集团股份有限公司',
      '华远置业(沈阳)',
      '沈阳北方重工机械有限公司',
    ]);
  });
});
