import { describe, expect, it } from 'vitest';
import { cell, workbookOf } from '../../routes/transfer/hostile-files.ts';
import { readXlsx, XLSX_LIMITS } from './files.ts';

const part = (name: string, data: string) => ({ name, data });

describe('reading XLSX as it streams', () => {
  it('reads shared and inline strings, numbers, booleans, errors, formulas and dates as the user sees them', async () => {
    const styles = `<styleSheet><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="#,##0 &quot;元&quot;"/></numFmts>
      <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="22"/></cellXfs></styleSheet>`;
    const shared = `<sst><si><t>公司名称</t></si><si><r><t>徐州</t></r><r><rPr><b/></rPr><t xml:space="preserve">某某 &amp; 置业</t></r><rPh><t>ジョシュウ</t></rPh></si><si/></sst>`;
    const rows = [
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row>`,
      `<row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3"><v>13900001111</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c></row>`,
      `<row r="4"><c r="A4" s="1"><v>25000</v></c><c r="B4" s="2"><v>44927</v></c><c r="C4" s="3"><v>1234.5</v></c><c r="D4" s="4"><v>44927.5</v></c></row>`,
      `<row r="5"><c r="A5"><f>1+1</f><v>2</v></c><c r="B5" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C5"><f>NOW()</f></c>${cell('D5', '<x> & "y"')}</row>`,
      `<row r="6"/><row r="7"><c r="A7"/></row>`,
    ].join('');
    const [sheet] = await readXlsx(
      workbookOf(rows, {
        'xl/styles.xml': part('xl/styles.xml', styles),
        'xl/sharedStrings.xml': part('xl/sharedStrings.xml', shared),
      }),
    );
    expect(sheet).toEqual({
      name: '客户',
      rows: [
        ['公司名称', ''],
        ['徐州某某 & 置业', '', '13900001111', 'true', ''],
        ['1968-06-11', '2023-01-01', '1234.5', '2023-01-01T12:00:00.000'],
        ['2', 'ab', '', '<x> & "y"'],
      ],
      rowNumbers: [1, 3, 4, 5],
    });
  });

  it('reads cells without references, namespace prefixes, CDATA and the 1904 date system', async () => {
    const book = workbookOf('', {
      'xl/workbook.xml': part(
        'xl/workbook.xml',
        `<x:workbook xmlns:x="s" xmlns:r="r"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="A &amp; B" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      ),
      'xl/styles.xml': part('xl/styles.xml', '<styleSheet><cellXfs><xf/><xf numFmtId="14"/></cellXfs></styleSheet>'),
      'xl/worksheets/sheet1.xml': part(
        'xl/worksheets/sheet1.xml',
        `<?xml version="1.0"?><!-- a comment --><x:worksheet><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[<甲>&]]></x:t></x:is></x:c><x:c s="1"><x:v>0</x:v></x:c><x:c r="E1"><x:v>5</x:v></x:c><x:c><x:v>6</x:v></x:c></x:row><x:row><x:c><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      ),
    });
    expect(await readXlsx(book)).toEqual([
      { name: 'A & B', rows: [['<甲>&', '1904-01-01', '', '', '5', '6'], ['7']], rowNumbers: [1, 2] },
    ]);
  });

  it('refuses DOCTYPEs and sheets past the caps, naming the cap', async () => {
    const dtd = workbookOf('', {
      'xl/worksheets/sheet1.xml': part(
        'xl/worksheets/sheet1.xml',
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>',
      ),
    });
    await expect(readXlsx(dtd)).rejects.toMatchObject({ code: 'invalid_request', details: { code: 'xml_doctype' } });
    const rows = Array.from({ length: 6 }, (_, i) => `<row>${cell(`A${i + 1}`, 'x')}${cell(`C${i + 1}`, 'y')}</row>`);
    const book = workbookOf(rows.join(''));
    const limits = { ...XLSX_LIMITS, rows: 5 };
    await expect(readXlsx(book, limits)).rejects.toMatchObject({ details: { code: 'too_many_rows', limit: 5 } });
    // A row holds cells up to its last one: 6 rows × 3 columns.
    await expect(readXlsx(book, { ...XLSX_LIMITS, cells: 17 })).rejects.toMatchObject({
      details: { code: 'too_many_cells', limit: 17 },
    });
    expect((await readXlsx(book, { ...XLSX_LIMITS, cells: 18 }))[0]?.rows).toHaveLength(6);
    await expect(readXlsx(book, { ...XLSX_LIMITS, columns: 2 })).rejects.toMatchObject({
      details: { code: 'too_many_columns', cell: 'C1' },
    });
    await expect(readXlsx(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toMatchObject({
      code: 'invalid_request',
      details: { code: 'zip_corrupt' },
    });
  });
});
