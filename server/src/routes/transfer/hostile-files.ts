import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Small files built to hurt an importer, for the tests and the benchmark: a sparse sheet with a
 * far-away cell, a sheet past the row cap, zips whose directory lies or promises a bomb, and a
 * vCard of more cards than a customer has people. Each is a few KB to a few hundred KB.
 */
export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** Stored instead of deflated. */
  store?: boolean;
  /** The uncompressed size the directory claims (default: the true one). */
  declaredSize?: number;
}

/** A zip of `parts` (deflated unless stored), with a central directory like any archiver writes. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data;
    const body = p.store ? raw : deflateRawSync(raw, { level: 9 });
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.store ? 0 : 8, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.store ? 0 : 8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An inline-string cell. */
export const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c>`;

/** A one-sheet workbook around `sheetData` (the rows' XML); `override` replaces or adds parts. */
export function workbookOf(sheetData: string, override: Partial<Record<string, ZipPart>> = {}): Buffer {
  const ns = 'http://schemas.openxmlformats.org';
  const parts: Record<string, ZipPart> = {
    '[Content_Types].xml': {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    '_rels/.rels': {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    'xl/workbook.xml': {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    'xl/_rels/workbook.xml.rels': {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    'xl/worksheets/sheet1.xml': {
      name: 'xl/worksheets/sheet1.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`,
    },
  };
  for (const [k, v] of Object.entries(override)) if (v) parts[k] = v;
  return zipOf(Object.values(parts));
}

const HEADER = `<row r="1">${cell('A1', '公司名称')}${cell('B1', '网址')}${cell('C1', '电话')}</row>`;
const dataRow = (r: number, i: number) =>
  `<row r="${r}">${cell(`A${r}`, `恶意测试${i}有限公司`)}${cell(`B${r}`, `www.h${i}.com`)}${cell(`C${r}`, `0516-8${String(i).padStart(7, '0')}`)}</row>`;

/** A header, one good row and a single far-away cell: Excel's last cell, XFD1048576. */
export function sparseXlsx(): Buffer {
  return workbookOf(
    `${HEADER}${dataRow(2, 1)}<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>`,
  );
}

/**
 * A header and `rows` data rows, `step` sheet rows apart (a sparse file); each a different
 * company (about 20 bytes a row zipped), or with `same` one company repeated (a few bytes a row).
 */
export function manyRowsXlsx(rows: number, { step = 1, same = false } = {}): Buffer {
  const parts: string[] = [HEADER];
  for (let i = 0; i < rows; i++) parts.push(dataRow(2 + i * step, same ? 1 : i));
  return workbookOf(parts.join(''));
}

/** `rows` copies of one row without cell references (valid SpreadsheetML): ~1,000:1 zipped, a few KB. */
export function repeatedRowsXlsx(rows: number): Buffer {
  const row = `<row><c t="inlineStr"><is><t>恶意测试有限公司</t></is></c><c t="inlineStr"><is><t>www.h.com</t></is></c></row>`;
  return workbookOf(`${HEADER}${row.repeat(rows)}`);
}

/** A sheet whose directory claims `declared` bytes but which inflates to `actual` bytes of blanks. */
export function lyingZipXlsx(actual: number, declared = 4096): Buffer {
  const pad = Buffer.alloc(actual, 0x20);
  Buffer.from(HEADER).copy(pad, 0);
  const body = Buffer.concat([
    Buffer.from('<?xml version="1.0"?><worksheet><sheetData>'),
    pad,
    Buffer.from('</sheetData></worksheet>'),
  ]);
  return workbookOf('', {
    'xl/worksheets/sheet1.xml': { name: 'xl/worksheets/sheet1.xml', data: body, declaredSize: declared },
  });
}

/** A sheet that says, honestly, it inflates to `declared` bytes (4 GB by default) from a few KB. */
export function bombXlsx(declared = 0xfffffffe): Buffer {
  return workbookOf('', {
    'xl/worksheets/sheet1.xml': {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.alloc(1 << 20, 0x20),
      declaredSize: declared,
    },
  });
}

/** `cards` vCards, each with a mobile (100,000 are about 7 MB). */
export function manyCardsVcf(cards: number): Buffer {
  const out: string[] = [];
  for (let i = 0; i < cards; i++) {
    out.push(
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:C${i}\r\nTEL;TYPE=CELL:139${String(i).padStart(8, '0')}\r\nEND:VCARD\r\n`,
    );
  }
  return Buffer.from(out.join(''), 'utf8');
}
