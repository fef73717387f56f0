import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { idem, makeTestApp } from '../../test-utils.ts';

async function seed() {
  const t = makeTestApp('2026-10-01T00:00:00.000Z');
  const a = (
    await t.request('POST', '/api/customers', { name: '嘉华融通', tier: 'A', region: ['华东', '江苏', '徐州'] })
  ).json.id;
  const c = (await t.request('POST', '/api/customers', { name: 'Northwind', tier: 'C', region: ['华南', '广东'] })).json
    .id;
  t.setNow('2026-12-01T00:00:00.000Z');
  // 2026-11-02 23:30 UTC is Nov 3 in Shanghai: the mark goes on the 3rd.
  for (const [id, kind, at, summary] of [
    [a, 'call', '2026-11-02T23:30:00.000Z', '电话沟通二期'],
    [a, 'visit', '2026-11-10T02:00:00.000Z', '拜访董事长'],
    [a, 'note', '2026-11-11T02:00:00.000Z', 'internal note'],
    [c, 'email', '2026-11-30T03:00:00.000Z', 'Sent the quote'],
    [c, 'call', '2026-10-30T03:00:00.000Z', 'last month'],
  ] as const) {
    await t.request('POST', '/api/interactions', { customerId: id, kind, at, summary, idempotencyKey: idem() });
  }
  await t.request('PUT', '/api/contact-sheet/remarks', { customerId: a, month: '2026-11', text: '二期报价中' });
  return { t, a, c };
}

describe('contact sheet', () => {
  it('marks each day with a contact in the user time zone, grouped by tier, with remarks', async () => {
    const { t, a, c } = await seed();
    const r = await t.request('GET', '/api/contact-sheet?month=2026-11');
    expect(r.status).toBe(200);
    expect(r.json.days).toBe(30);
    expect(r.json.groups.map((g: { key: string }) => g.key)).toEqual(['A', 'C']);
    const rowA = r.json.groups[0].rows[0];
    expect(rowA).toMatchObject({ customerId: a, contacts: 2, remarks: '二期报价中' });
    expect(rowA.marks).toEqual({
      '3': [{ kind: 'call', summary: '电话沟通二期' }],
      '10': [{ kind: 'visit', summary: '拜访董事长' }],
    });
    expect(r.json.groups[1].rows[0]).toMatchObject({
      customerId: c,
      contacts: 1,
      marks: { '30': [{ kind: 'email', summary: 'Sent the quote' }] },
    });
    const byRegion = await t.request('GET', '/api/contact-sheet?month=2026-11&groupBy=region');
    expect(byRegion.json.groups.map((g: { key: string }) => g.key)).toEqual(['华东 / 江苏', '华南 / 广东']);
  });

  it('exports the month to XLSX with V marks and notes, and to CSV', async () => {
    const { t } = await seed();
    const res = await t.app.request('/api/contact-sheet/export?month=2026-11&format=xlsx&lang=en', {
      headers: { authorization: 'Bearer test-token-0123456789' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('contact-sheet-2026-11.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet('2026-11');
    expect(ws?.getRow(1).values).toEqual([
      undefined,
      'Group',
      'Customer',
      'Tier',
      ...Array.from({ length: 30 }, (_, i) => String(i + 1)),
      'Contacts',
      'Remarks',
    ]);
    const row = ws?.getRow(2);
    expect(row?.getCell(2).value).toBe('嘉华融通');
    expect(row?.getCell(3 + 3).value).toBe('V');
    expect(row?.getCell(3 + 4).value).toBe('');
    // The sheet's own words for the kind of contact, never the API's ('visit').
    expect(row?.getCell(3 + 10).note).toBe('Visit: 拜访董事长');
    expect(row?.getCell(3 + 11).value).toBe('');
    const zh = await t.app.request('/api/contact-sheet/export?month=2026-11&format=xlsx', {
      headers: { authorization: 'Bearer test-token-0123456789' },
    });
    const zhBook = new ExcelJS.Workbook();
    await zhBook.xlsx.load(await zh.arrayBuffer());
    expect(
      zhBook
        .getWorksheet('2026-11')
        ?.getRow(2)
        .getCell(3 + 10).note,
    ).toBe('拜访：拜访董事长');
    expect(row?.getCell(34).value).toBe(2);
    expect(row?.getCell(35).value).toBe('二期报价中');
    const csv = await t.app.request('/api/contact-sheet/export?month=2026-11&format=csv', {
      headers: { authorization: 'Bearer test-token-0123456789' },
    });
    // ignoreBOM keeps the BOM in the text so the test can see it is there.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith('\uFEFF分组,客户,等级,1,2,3')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^A,嘉华融通,A,,,V,/);
  });

  it('lists every file with contacts in the month, under the tier it had then', async () => {
    const { t, a } = await seed();
    // Re-tiered in December: November's sheet still shows it under A.
    await t.request('PATCH', `/api/customers/${a}`, { tier: 'C' });
    // Opened in December for a call made in November.
    const late = (await t.request('POST', '/api/customers', { name: '后补客户', tier: 'B' })).json.id;
    await t.request('POST', '/api/interactions', {
      customerId: late,
      kind: 'call',
      at: '2026-11-20T02:00:00.000Z',
      idempotencyKey: idem(),
    });
    // Opened in December with nothing in November: not on November's sheet.
    await t.request('POST', '/api/customers', { name: 'Nothing yet', tier: 'A' });
    const r = (await t.request('GET', '/api/contact-sheet?month=2026-11')).json;
    const rows = r.groups.flatMap((g: { key: string; rows: { customerId: number; name: string; tier: string }[] }) =>
      g.rows.map((row) => `${g.key} ${row.name} ${row.tier}`),
    );
    expect(rows).toEqual(['A 嘉华融通 A', 'B 后补客户 B', 'C Northwind C']);
  });

  it('writes no live formula into the CSV, whatever a captured name or a remark says', async () => {
    const t = makeTestApp('2026-11-10T02:00:00.000Z');
    const id = (
      await t.request('POST', '/api/customers', { name: '=HYPERLINK("https://evil.example","点我")', tier: 'A' })
    ).json.id;
    await t.request('POST', '/api/interactions', { customerId: id, kind: 'call', idempotencyKey: idem() });
    await t.request('PUT', '/api/contact-sheet/remarks', { customerId: id, month: '2026-11', text: '@SUM(1+1)*cmd|x' });
    const csv = await t.app.request('/api/contact-sheet/export?month=2026-11&format=csv', {
      headers: { authorization: 'Bearer test-token-0123456789' },
    });
    const text = new TextDecoder().decode(await csv.arrayBuffer());
    const cells = text.split(/\r?\n/)[1]?.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [];
    for (const cell of cells) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\-\t\r]/);
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).toContain(`'@SUM`);
  });
});
