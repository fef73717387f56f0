import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test-utils.ts';
import { detectFormat, readSheets, XLSX_LIMITS } from './files.ts';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(join(here, 'fixtures/xls', name));
const accountBook = readFileSync(
  join(here, '../../../../../shared/fixtures/contact-exports/account-manager-book.xlsx'),
);

describe('reading an old .xls', () => {
  it('reads a workbook Excel 97 wrote (xlrd’s Formate.xls): text, dates and times as dates, numbers as written, every sheet', async () => {
    const bytes = fixture('xlrd-Formate.xls');
    expect(detectFormat(bytes, 'Formate.xls')).toBe('xls');
    const sheets = await readSheets(bytes, 'Formate.xls');
    expect(sheets.map((s) => s.name)).toEqual(['Blätt1', 'ÖÄÜ', 'Blätt3', 'Formate']);
    // xlrd's own test reads the serials 2741, 38406, 32266 as dates, .273611… as times.
    expect(sheets[0]?.rows.slice(0, 6)).toEqual([
      ['Huber', '1907-07-03'],
      ['Äcker', '2005-02-23'],
      ['Öcker', '1988-05-03'],
      ['Morgen', '1899-12-30T06:34:00.000'],
      ['Mittag', '1899-12-30T12:56:00.000'],
      ['Abends', '1899-12-30T17:47:13.000'],
    ]);
    expect(sheets[0]?.rows.slice(6)).toEqual([
      ['gut', '0.974'],
      ['schlecht', '0.124'],
      ['viel', '1000.3'],
      ['wenig', '1.2'],
    ]);
    // Merged across columns (a heading), not down: left where it is, nothing filled in.
    expect(sheets[1]).toEqual({ name: 'ÖÄÜ', rows: [['-100'], ['', '', 'MERGED CELLS']], rowNumbers: [1, 3] });
  });

  it('reads the same workbook saved as .xls cell for cell as its .xlsx (dates, numbers, a company merged down)', async () => {
    const book = XLSX.read(accountBook, { type: 'buffer', cellNF: true, cellStyles: true });
    const xls = XLSX.write(book, { bookType: 'biff8', type: 'buffer' }) as Buffer;
    expect(await readSheets(xls, 'book.xls')).toEqual(await readSheets(accountBook, 'book.xlsx'));
  });

  it('reads the HTML table a web system sends as .xls, in GB2312, each cell as written (a landline keeps its 0)', async () => {
    const bytes = fixture('web-export-gbk.xls');
    expect(detectFormat(bytes, 'export.xls')).toBe('xls');
    const [sheet] = await readSheets(bytes, 'export.xls');
    expect(sheet?.rows).toEqual([
      ['客户名称', '联系人', '职务', '手机', '办公电话', '邮箱', '客户等级', '最近联系'],
      [
        '青岛海润置业有限公司',
        '高建军',
        '总经理',
        '13805320011',
        '053285990011',
        'gaojj@hrzy-test.cn',
        'A类',
        '2026-11-20 15:30',
      ],
      ['青岛海润置业有限公司', '林晓', '采购经理', '13805320012', '0532-8599 0012', 'linx@hrzy-test.cn', 'A类'],
      ['烟台港城物流有限公司', '吴磊', '运营总监', '+86 139 0535 0013', '', 'wulei@gcwl-test.cn', 'C', '2026-10-08'],
    ]);
  });

  it('reads Excel 2003’s XML Spreadsheet under a .xls name', async () => {
    const xml = `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Styles><Style ss:ID="d"><NumberFormat ss:Format="yyyy-mm-dd hh:mm"/></Style></Styles>
<Worksheet ss:Name="客户"><Table>
<Row><Cell><Data ss:Type="String">客户名称</Data></Cell><Cell><Data ss:Type="String">手机</Data></Cell><Cell><Data ss:Type="String">上次联系</Data></Cell></Row>
<Row><Cell><Data ss:Type="String">烟台港城物流有限公司</Data></Cell><Cell><Data ss:Type="Number">13905350013</Data></Cell><Cell ss:StyleID="d"><Data ss:Type="DateTime">2026-11-20T15:30:00.000</Data></Cell></Row>
</Table></Worksheet></Workbook>`;
    expect(await readSheets(Buffer.from(xml), 'export.xls')).toEqual([
      {
        name: '客户',
        rows: [
          ['客户名称', '手机', '上次联系'],
          ['烟台港城物流有限公司', '13905350013', '2026-11-20T15:30:00.000'],
        ],
        rowNumbers: [1, 2],
      },
    ]);
  });

  it('refuses an Office file that is no workbook, and a sheet past the caps, naming why', async () => {
    const notABook = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600, 7),
    ]);
    await expect(readSheets(notABook, 'report.xls')).rejects.toMatchObject({
      code: 'invalid_request',
      details: { code: 'xls_unreadable' },
    });
    const bytes = fixture('xlrd-Formate.xls');
    await expect(readSheets(bytes, 'Formate.xls', { ...XLSX_LIMITS, rows: 9 })).rejects.toMatchObject({
      code: 'payload_too_large',
      details: { code: 'too_many_rows', limit: 9, sheet: 'Blätt1' },
    });
    await expect(readSheets(bytes, 'Formate.xls', { ...XLSX_LIMITS, cells: 20 })).rejects.toMatchObject({
      details: { code: 'too_many_cells', limit: 20 },
    });
  });
});

describe('importing an old .xls', () => {
  const NOW = '2026-12-06T02:00:00.000Z';
  const commit = async (t: TestApp, filename: string, bytes: Buffer) => {
    const r = await t.request('POST', '/api/import/commit', {
      file: { filename, data: bytes.toString('base64') },
      idempotencyKey: `xls-${filename}`,
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return r.json;
  };
  const onFile = async (t: TestApp) => ({
    customers: await t.sql('select name, tier, phones, next_due from customers order by id'),
    people: await t.sql('select customer_id, name, title, mobile, direct_line, email from people order by id'),
    contacts: await t.sql('select customer_id, kind, at from interactions order by id'),
  });

  it('lands the same files, people and last contacts as the .xlsx it was saved from', async () => {
    const book = XLSX.read(accountBook, { type: 'buffer', cellNF: true, cellStyles: true });
    const fromXls = makeTestApp(NOW);
    const report = await commit(fromXls, '客户档案.xls', XLSX.write(book, { bookType: 'biff8', type: 'buffer' }));
    expect(report).toMatchObject({ total: 6, created: 5, merged: 1, invalid: 0 });
    const fromXlsx = makeTestApp(NOW);
    await commit(fromXlsx, '客户档案.xlsx', accountBook);
    expect(await onFile(fromXls)).toEqual(await onFile(fromXlsx));
  });

  it('lands a web system’s HTML export: two companies, their people, a tier from “A类”, the last contact in Shanghai time', async () => {
    const t = makeTestApp(NOW);
    const report = await commit(t, 'customers.xls', fixture('web-export-gbk.xls'));
    expect(report).toMatchObject({ total: 3, created: 2, merged: 1, invalid: 0 });
    const { customers, people, contacts } = await onFile(t);
    expect(customers.map((c) => [c.name, c.tier])).toEqual([
      ['青岛海润置业有限公司', 'A'],
      ['烟台港城物流有限公司', 'C'],
    ]);
    // The office number is the company's (办公电话), the landline with its 0; the e-mails the people's.
    expect(customers.map((c) => (typeof c.phones === 'string' ? JSON.parse(c.phones) : c.phones))).toEqual([
      ['053285990011', '0532-8599 0012'],
      [],
    ]);
    expect(people.map((p) => [p.name, p.title, p.mobile, p.email])).toEqual([
      ['高建军', '总经理', '13805320011', 'gaojj@hrzy-test.cn'],
      ['林晓', '采购经理', '13805320012', 'linx@hrzy-test.cn'],
      ['吴磊', '运营总监', '+86 139 0535 0013', 'wulei@gcwl-test.cn'],
    ]);
    // 2026-11-20 15:30 in Asia/Shanghai; 2026-10-08 (no hour) at the end of that day there.
    expect(contacts.map((c) => c.at)).toEqual(['2026-11-20T07:30:00.000Z', '2026-10-08T15:59:59.999Z']);
  });
});
