import { afterAll, describe, expect, it } from 'vitest';
import { stopParseWorker } from '../../services/transfer/parse-pool.ts';
import { makeTestApp, type TestApp } from '../../test-utils.ts';
import { commit, csvFile, fileNamed } from './test-helpers.ts';

// A later export of the same address book: the person is matched (by e-mail) and what the file
// says differently is kept beside what the file on record says — never dropped as "unchanged".
const NOW = '2026-12-07T01:00:00.000Z';
const HEAD = '公司名称,联系人,职务,手机,邮箱';

afterAll(() => stopParseWorker());

const peopleOf = async (t: TestApp, name: string) =>
  ((await fileNamed(t, name)).people as Record<string, unknown>[]).map(({ name, title, mobile, preferences }) => ({
    name,
    title,
    mobile,
    preferences,
  }));

/** One card's lines into the chosen customer, as `POST /api/import/vcard` takes a file. */
const intoCustomer = (t: TestApp, customerId: number, card: string[]) =>
  t.request('POST', '/api/import/vcard', {
    customerId,
    file: {
      filename: 'li.vcf',
      data: Buffer.from(['BEGIN:VCARD', 'VERSION:3.0', ...card, 'END:VCARD'].join('\r\n')).toString('base64'),
    },
  });

describe('a person already on file, in a later import', { timeout: 30_000 }, () => {
  it("keeps the later sheet's new mobile and title in their notes, the known ones in place; the same sheet again adds nothing", async () => {
    const t = makeTestApp(NOW);
    const first = csvFile([HEAD, '云龙置业有限公司,李一,经理,13900000011,liyi@yunlong-zhiye.cn']);
    expect((await commit(t, first, 'known-0001')).json).toMatchObject({ created: 1 });
    const later = csvFile([HEAD, '云龙置业有限公司,李一,总经理,13900000099,liyi@yunlong-zhiye.cn']);
    // The preview says so before anything is written.
    const preview = (await t.request('POST', '/api/import/preview', { file: later })).json;
    expect(preview.counts).toMatchObject({ merged: 1, skipped: 0 });
    expect((await commit(t, later, 'known-0002')).json).toMatchObject({ merged: 1, skipped: 0 });
    const expected = [
      { name: '李一', title: '经理', mobile: '13900000011', preferences: '另记职务：总经理\n其他电话：13900000099' },
    ];
    expect(await peopleOf(t, '云龙置业有限公司')).toEqual(expected);
    expect((await commit(t, later, 'known-0003')).json).toMatchObject({ merged: 0, skipped: 1 });
    expect(await peopleOf(t, '云龙置业有限公司')).toEqual(expected);
  });

  it("keeps what a card says beyond the person's fields in their notes when it is imported into a chosen customer", async () => {
    const t = makeTestApp(NOW);
    const c = await t.request('POST', '/api/customers', { name: '云龙置业有限公司', tier: 'B' });
    const r = await intoCustomer(t, c.json.id, [
      'FN:李一',
      'ORG:云龙置业有限公司;销售部',
      'TEL;TYPE=CELL:13900000011',
      'TEL;TYPE=HOME:0516-80000001',
      'TEL;TYPE=WORK,FAX:0516-80000002',
      'EMAIL;TYPE=WORK:liyi@yunlong-zhiye.cn',
      'EMAIL;TYPE=HOME:liyi@163.com',
      'ADR;TYPE=WORK:;;和平路88号;徐州;江苏;221000;',
      'URL:https://www.yunlong-zhiye.cn',
    ]);
    expect(r.json).toMatchObject({ created: 1 });
    expect(await peopleOf(t, '云龙置业有限公司')).toEqual([
      {
        name: '李一',
        title: undefined,
        mobile: '13900000011',
        preferences: [
          '部门：销售部',
          '公司地址：和平路88号, 徐州, 江苏 221000',
          '网址：https://www.yunlong-zhiye.cn',
          '其他电话：0516-80000001',
          '传真：0516-80000002',
          '其他邮箱：liyi@163.com',
        ].join('\n'),
      },
    ]);
  });

  it('keeps the new number a vCard gives a known person of the chosen customer', async () => {
    const t = makeTestApp(NOW);
    const c = await t.request('POST', '/api/customers', {
      name: '云龙置业有限公司',
      tier: 'B',
      people: [{ name: '李一', mobile: '13900000011', email: 'liyi@yunlong-zhiye.cn' }],
    });
    expect(c.status).toBe(201);
    const r = await intoCustomer(t, c.json.id, ['FN:李一', 'TEL;TYPE=CELL:13900000099', 'EMAIL:liyi@yunlong-zhiye.cn']);
    expect(r.json).toMatchObject({ merged: 1, skipped: 0 });
    expect(await peopleOf(t, '云龙置业有限公司')).toEqual([
      { name: '李一', title: undefined, mobile: '13900000011', preferences: '其他电话：13900000099' },
    ]);
  });
});
