import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readVcf } from './vcard.ts';

// From this file up to the repo root (server/src/services/transfer → ../../../..), then ../shared.
const exports = join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/fixtures/contact-exports');
const read = (file: string) => readVcf(readFileSync(join(exports, file), 'utf8'));

describe('vCards as phones write them (../shared/fixtures/contact-exports)', () => {
  it('reads Android 3.0 and 2.1 cards with quoted-printable values and soft line breaks, nothing left encoded', () => {
    const cards = read('android-contacts.vcf');
    expect(cards.map((c) => c.errors)).toEqual([[], []]);
    const [sun, liu] = cards.map((c) => c.person);
    expect(sun).toMatchObject({
      name: '孙敏',
      title: '财务经理',
      mobile: '138-6390-2277',
      directLine: '+8653285887799',
      email: 'sunmin@hy-qd.com.cn',
      birthday: '1983-06-01',
    });
    expect(sun?.preferences).toBe('负责付款审批，月底比较忙，每月25日后不要约她。财务部在12楼，电话先打座机再打手机。');
    expect(liu).toMatchObject({ name: '刘建华', mobile: '+8613564201188', email: 'liujianhua75@163.com' });
    expect(JSON.stringify(cards)).not.toMatch(/=[0-9A-F]{2}/);
  });

  it('reads quoted-printable without soft breaks, and 2.1 bare types (TEL;CELL;PREF)', () => {
    expect(read('android-short-qp.vcf')[0]?.person).toMatchObject({ name: '孙敏', title: '财务经理' });
    expect(read('android-21.vcf')[0]?.person).toMatchObject({
      name: '钱多多',
      mobile: '+8613700137000',
      email: 'qianduoduo@hy-qd.com.cn',
    });
  });

  it('keeps a 2.1 comma or backslash as text and a CHARSET other than UTF-8', () => {
    const gbkName = '=C7=AE=B6=E0=B6=E0'; // 钱多多 in GBK
    const card = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      `FN;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:${gbkName}`,
      'TITLE:Sales, East\\West',
      'END:VCARD',
      '',
    ].join('\r\n');
    expect(readVcf(card)[0]?.person).toMatchObject({ name: '钱多多', title: 'Sales, East\\West' });
  });

  it('reads a 2.1 card that names its encoding bare, with a soft break, groups and a BASE64 photo', () => {
    // The shapes of a real phone export: ORG;CHARSET=UTF-8;QUOTED-PRINTABLE, item1.TEL, a photo
    // folded over indented lines and ended by an empty line; a NOTE with "=" that is not encoded.
    const card = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E4=B8=89;;;',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0=E4=B8=89',
      'ORG;CHARSET=UTF-8;QUOTED-PRINTABLE:=E7=A4=BA=E4=BE=8B=E5=85=AC=E5=8F=B8 =',
      'Ltd',
      'TITLE;CHARSET=UTF-8;QUOTED-PRINTABLE:=E7=BB=8F=E7=90=86',
      'item1.TEL;TYPE=CELL:+86 138 0013 8000',
      'item2.EMAIL;TYPE=INTERNET:zs@example.com',
      'NOTE:50=50 split',
      'PHOTO;JPEG;ENCODING=BASE64:',
      '  /9j/4AAQSkZJRgABAQAAAQABAAD',
      '  /2wBDAAgGBgcGBQgHBwcJCQgKDAQ',
      '',
      'END:VCARD',
      '',
    ].join('\r\n');
    expect(readVcf(card)).toEqual([
      {
        index: 0,
        person: {
          name: '张三',
          title: '经理',
          mobile: '+86 138 0013 8000',
          email: 'zs@example.com',
          preferences: '50=50 split',
        },
        errors: [],
        company: { org: '示例公司 Ltd', otherPhones: [], homePhones: [], fax: [], otherEmails: [] },
      },
    ]);
  });
});
