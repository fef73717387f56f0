import { describe, expect, it } from 'vitest';
import { decodeText } from './encodings.ts';
import { readSheets } from './files.ts';
import { modernVcard } from './vcard-legacy.ts';

// GBK bytes of Chinese text, written out (no encoder library is needed to read them back).
const GBK = {
  // 公司名称,联系人,地址 / 徐州佳和建材有限公司,王建国,和平路88号
  sheet:
    'b9abcbbec3fbb3c62cc1aacfb5c8cb2cb5d8d6b70d0ad0ecd6ddbcd1bacdbda8b2c4d3d0cfdeb9abcbbe2ccdf5bda8b9fa2cbacdc6bdc2b73838bac50d0a',
  // 王, 小明
  wang: 'cdf5',
  xiaoming: 'd0a1c3f7',
};

describe('reading text whose encoding nobody named', () => {
  it('reads a Western Windows file as Windows-1252, not as Chinese (a German Outlook export)', () => {
    const text =
      '"Vorname","Nachname","Firma","Ort geschäftlich"\r\n"Klaus","Müller","Müller Baustoffe GmbH","Würzburg"\r\n';
    expect(decodeText(Buffer.from(text, 'latin1'))).toBe(text);
    // One accented letter in a long file is enough.
    const french = `Prénom,Nom,Société\r\n${'Jean,Martin,Acme SA\r\n'.repeat(200)}`;
    expect(decodeText(Buffer.from(french, 'latin1'))).toBe(french);
  });

  it('still reads a Chinese Excel or Outlook file as GBK', () => {
    expect(decodeText(Buffer.from(GBK.sheet, 'hex'))).toBe(
      '公司名称,联系人,地址\r\n徐州佳和建材有限公司,王建国,和平路88号\r\n',
    );
  });

  it('reads UTF-16 without a byte order mark, either way round', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ľuboš Montè\r\nORG:青岛海逸\r\nEND:VCARD\r\n';
    const le = Buffer.from(text, 'utf16le');
    expect(decodeText(le)).toBe(text);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(be)).toBe(text);
  });

  it("reads a quoted-printable card value without a CHARSET in its writer's code page (a Chinese phone's GBK, The Bat!'s Windows one)", () => {
    const card = (name: string, org: string) =>
      `BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:${name}\r\nORG;ENCODING=QUOTED-PRINTABLE:${org}\r\nEND:VCARD`;
    const qp = (hex: string) => hex.replace(/(..)/g, '=$1').toUpperCase();
    const chinese = modernVcard(card(`${qp(GBK.wang)};${qp(GBK.xiaoming)};;;`, 'Acme'));
    expect(chinese).toContain('N:王;小明;;;');
    const western = modernVcard(card('M=FCller;Klaus;;;', 'Caf=E9 du Commerce'));
    expect(western).toContain('N:Müller;Klaus;;;');
    expect(western).toContain('ORG:Café du Commerce');
    expect(chinese + western).not.toContain('\uFFFD');
  });

  it("reads a card's 8-bit lines in the charset they name (a German Outlook's ADR;CHARSET=Windows-1252 with a raw ß beside a UTF-8 line), not as GBK", async () => {
    // Outlook writes one line in Windows-1252 and its card design in UTF-8: one file, two
    // encodings, which together read as GBK ("Stra遝").
    const card = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;LANGUAGE=de:Wimmel;Rudi',
      'FN:Rudi Wimmel',
      'ORG:Wurstdarm KG',
      'ADR;WORK;PREF;CHARSET=Windows-1252:;;Business-Straße 19;Schaffhausen;;76543;Deutschland',
      'END:VCARD',
      '',
    ].join('\r\n');
    const design = 'X-MS-OL-DESIGN;CHARSET=utf-8:<card><label>Geschäftlich</label></card>\r\n';
    const bytes = Buffer.concat([
      Buffer.from(card.replace('END:VCARD\r\n', ''), 'latin1'),
      Buffer.from(`${design}END:VCARD\r\n`),
    ]);
    const [grid] = await readSheets(bytes, 'karin.vcf');
    const text = JSON.stringify(grid?.rows);
    expect(text).toContain('Business-Straße 19');
    expect(text).not.toContain('遝');
  });
});
