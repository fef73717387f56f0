import { describe, expect, it } from 'vitest';
import { readList } from './rows.test-helpers.ts';

// Thunderbird writes its CSV export's headers in the language of its installation, one set of
// 37 columns in one order. The headers are Thunderbird's as its Chinese and German versions write
// them (a real Chinese export, a German program's writer of that format); the row is ours.
const ENGLISH =
  'First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,Home City,Home State,Home ZipCode,Home Country,Work Address,Work Address 2,Work City,Work State,Work ZipCode,Work Country,Job Title,Department,Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,Custom 3,Custom 4,Notes,';
// The Chinese one names the city, province, postcode and country of both addresses alike.
const CHINESE =
  '名字,姓氏,显示名称,昵称,主要电子邮件,备用电子邮件,屏幕名,工作电话,家庭电话,传真号码,寻呼机号码,移动电话号码,家庭地址,家庭地址 2,城市,省/自治区/直辖市,邮政编码,国家,工作地址,工作地址 2,城市,省/自治区/直辖市,邮政编码,国家,职务,部门,公司,网页 1,网页 2,出生年份,出生月份,出生日,定制 1,定制 2,定制 3,定制 4,注释,';
const GERMAN =
  'Vorname,Nachname,Anzeigename,Spitzname,Primäre E-Mail-Adresse,Sekundäre E-Mail-Adresse,Messenger-Name,Tel. dienstlich,Tel. privat,Fax-Nummer,Pager-Nummer,Mobil-Tel.-Nr.,Privat: Adresse,Privat: Adresse 2,Privat: Ort,Privat: Bundesland,Privat: PLZ,Privat: Land,Dienstlich: Adresse,Dienstlich: Adresse 2,Dienstlich: Ort,Dienstlich: Bundesland,Dienstlich: PLZ,Dienstlich: Land,Arbeitstitel,Abteilung,Organisation,Webseite 1,Webseite 2,Geburtsjahr,Geburtsmonat,Geburtstag,Benutzerdef. 1,Benutzerdef. 2,Benutzerdef. 3,Benutzerdef. 4,Notizen,';

const ROWS = [
  '江芳,易,易江芳,,yijiangfang@jn-zhiye.example.cn,yjf68@163.com,,0531-86123456,,0531-86123457,,13905310001,燕子山路2号,,济南,山东,250014,中国,历下区经十路17703号,,济南,山东,250061,中国,总经理,销售部,济南测试置业有限公司,www.jn-zhiye.example.cn,,1968,8,9,,,,,重要客户,',
  // Thunderbird fills only the display name and the address when the contact came from a message.
  ',,司佳,,sijia@jn-zhiye.example.cn,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
];

describe("Thunderbird's export in the language it was installed in", () => {
  const english = readList([ENGLISH, ...ROWS], 'en');

  it('reads every column of the English export as what it is (the baseline)', () => {
    const [yi, si] = english.list;
    expect(yi?.errors).toEqual([]);
    expect(yi?.fields).toMatchObject({
      name: '济南测试置业有限公司',
      // (China, the country the files are kept in, goes without saying.)
      address: '历下区经十路17703号, 济南, 山东 250061',
      website: 'www.jn-zhiye.example.cn',
      fax: ['0531-86123457'],
    });
    expect(yi?.people[0]).toMatchObject({
      name: '易江芳',
      mobile: '13905310001',
      directLine: '0531-86123456',
      email: 'yijiangfang@jn-zhiye.example.cn',
      birthday: '1968-08-09',
      homeAddress: '燕子山路2号, 济南, 山东 250014',
    });
    expect(si?.errors).toEqual([]);
    expect(si?.people[0]).toMatchObject({ name: '司佳', email: 'sijia@jn-zhiye.example.cn' });
  });

  it.each([
    ['Chinese', CHINESE],
    ['German', GERMAN],
  ])('reads the %s export as it reads the English one: the same columns, the same people', (_, header) => {
    const local = readList([header, ...ROWS], 'local');
    expect(local.layout.book).toBe(true);
    expect(local.layout.mapping).toEqual(english.layout.mapping);
    expect(local.list.map((c) => [c.errors, c.fields, c.people])).toEqual(
      english.list.map((c) => [c.errors, c.fields, c.people]),
    );
  });

  it('refuses a mailing list (its display name the list of its addresses) with that reason, not as a name too long', () => {
    const list = 'gao@pku.example.cn; woo@qq.example.com; wu@163.example.com';
    const { list: rows } = readList([CHINESE, `,,${list},,${list},,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,`], 'zh');
    expect(rows[0]?.errors).toEqual([
      { row: 2, field: 'person.name', code: 'mailing_list', value: list, why: expect.stringContaining('mailing list') },
    ]);
  });
});
