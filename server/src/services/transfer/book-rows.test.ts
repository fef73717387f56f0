import { describe, expect, it } from 'vitest';
import { readSheets } from './files.ts';
import { readList } from './rows.test-helpers.ts';
import { candidates, chooseLayout } from './rows.ts';

const THUNDERBIRD =
  'First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,Home City,Home State,Home ZipCode,Home Country,Work Address,Work Address 2,Work City,Work State,Work ZipCode,Work Country,Job Title,Department,Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,Custom 3,Custom 4,Notes';
const GOOGLE =
  'Name,Given Name,Additional Name,Family Name,Yomi Name,Birthday,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title';

const cards = async (lines: string[]) => {
  const grids = await readSheets(Buffer.from(`${lines.join('\r\n')}\r\n`), 'book.vcf');
  return candidates(grids, chooseLayout(grids)).list;
};

// A row that names a company and no one in it is the company's own entry: what it gives is the
// company's, never a person named after the company, and the row is not refused.
describe("a company's own row in an address book", () => {
  it("Thunderbird's company-only entry (display name = organization) is the company with its number, no person", () => {
    // The shape of a real export (a vendor's entry: display name, work phone, organization).
    const [acer] = readList(
      [
        THUNDERBIRD,
        ',,"Acer America",,,,,"(800) 000-0000","","","","","","","","","","","","","","","","",,,"Acer America",,,,,,,,,,',
      ],
      'tb',
    ).list;
    expect(acer?.errors).toEqual([]);
    expect(acer?.fields).toMatchObject({ name: 'Acer America', phones: ['(800) 000-0000'] });
    expect(acer?.people).toEqual([]);
    expect(acer?.unplaced).toBeUndefined();
  });

  it('keeps both addresses of a company-only entry: the work one the address, the home one in the notes', () => {
    const [row] = readList(
      [
        THUNDERBIRD,
        ',,Acer America,,,,,,,,,,1 Home Road,,Irvine,CA,92618,USA,333 W San Carlos St,,San Jose,CA,95110,USA,,,Acer America,,,,,,,,,,',
      ],
      'tb',
    ).list;
    expect(row?.errors).toEqual([]);
    expect(row?.fields.address).toBe('333 W San Carlos St, San Jose, CA 95110, USA');
    expect(row?.fields.notes).toBe('其他地址：1 Home Road, Irvine, CA 92618, USA');
    expect(row?.people).toEqual([]);
  });

  it("a Google contact with an organization and no name keeps the company and its number (was refused: 'contact details without a contact name')", () => {
    const [fid] = readList(
      [GOOGLE, ',,,,,,,* myContacts,,,Mobile,+261 20 22 361 97,unknown,FID Anosy,'],
      'google',
    ).list;
    expect(fid?.errors).toEqual([]);
    expect(fid?.fields).toMatchObject({ name: 'FID Anosy', phones: ['+261 20 22 361 97'] });
    expect(fid?.people).toEqual([]);
  });

  it("a Google card whose name is its organization's (N split from it) is the company, its e-mail the company's", async () => {
    const [kms] = await cards([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:KMS Außenstelle',
      'N:KMS;WSF;;;',
      'EMAIL;TYPE=INTERNET:info@kms-aussenstelle.example.de',
      'item1.TEL:03443-333440',
      'item2.ORG:KMS Außenstelle',
      'END:VCARD',
    ]);
    expect(kms?.errors).toEqual([]);
    expect(kms?.fields).toMatchObject({
      name: 'KMS Außenstelle',
      phones: ['03443-333440'],
      emails: ['info@kms-aussenstelle.example.de'],
    });
    expect(kms?.people).toEqual([]);
  });

  it("a sheet's row with the contact's name blank keeps its numbers on the file and what else it says in the notes", () => {
    const [row] = readList(
      ['公司名称,联系人,职务,手机,邮箱', '济南测试置业有限公司,,总经理,13905310001,info@jn-zhiye.example.cn'],
      'sheet',
    ).list;
    expect(row?.errors).toEqual([]);
    expect(row?.fields).toMatchObject({
      name: '济南测试置业有限公司',
      phones: ['13905310001'],
      emails: ['info@jn-zhiye.example.cn'],
    });
    expect(row?.fields.notes).toContain('职务：总经理');
    expect(row?.people).toEqual([]);
  });

  it('a row with contact details and neither a company nor a person is still refused, saying so', () => {
    const [row] = readList(['公司名称,联系人,手机', ',,13905310001'], 'sheet').list;
    expect(row?.errors.map((e) => e.code)).toEqual(['no_person_name', 'no_name']);
  });
});

// Android keeps a private contact's only number as 住宅 (HOME): it is their number, not a note.
describe("a person's home number", () => {
  it('is the number of a person who has no other (a US-style number: the direct line, said to be the home one)', async () => {
    const [mum] = await cards(['BEGIN:VCARD', 'VERSION:2.1', 'FN:老妈', 'TEL;HOME:1-561-637-8191', 'END:VCARD']);
    expect(mum?.errors).toEqual([]);
    expect(mum?.people[0]).toMatchObject({ name: '老妈', directLine: '1-561-637-8191' });
    expect(mum?.people[0]?.mobile).toBeUndefined();
    expect(mum?.people[0]?.preferences).toBe('住宅电话：1-561-637-8191');
  });

  it('is the mobile when it is a mainland mobile and the person has none', async () => {
    const [hu] = await cards(['BEGIN:VCARD', 'VERSION:2.1', 'FN:胡丹', 'TEL;HOME:139 1234 5678', 'END:VCARD']);
    expect(hu?.people[0]).toMatchObject({ name: '胡丹', mobile: '139 1234 5678' });
    expect(hu?.people[0]?.directLine).toBeUndefined();
    expect(hu?.people[0]?.preferences).toBeUndefined();
  });

  it('stays in the notes beside a mobile', async () => {
    const [li] = await cards([
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:李江辉',
      'TEL;HOME:0531-86123456',
      'TEL;CELL:13905310001',
      'END:VCARD',
    ]);
    expect(li?.people[0]).toMatchObject({ mobile: '13905310001', preferences: '其他电话：0531-86123456' });
    expect(li?.people[0]?.directLine).toBeUndefined();
  });

  it('gives way to another number on a card that has neither (an "other" one: the direct line, not said to be a home one)', async () => {
    const [ana] = await cards([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Ana Rakoto',
      'TEL;TYPE=OTHER,VOICE:+261 20 22 361 97',
      'TEL;TYPE=PAGER:+261 20 22 361 98',
      'END:VCARD',
    ]);
    expect(ana?.people[0]).toMatchObject({
      directLine: '+261 20 22 361 97',
      preferences: '其他电话：+261 20 22 361 98',
    });
  });

  it("is never the company's number, though the row gives the company's address", () => {
    const [row] = readList(
      [
        'First Name,Last Name,Company,Business Street,Business City,Home Phone',
        'Anke,Börnig,Muster Bau AG,Bahnhofstrasse 1,Zürich,044 123 45 67',
      ],
      'outlook',
    ).list;
    expect(row?.fields.phones).toEqual([]);
    expect(row?.people[0]).toMatchObject({ name: 'Anke Börnig', directLine: '044 123 45 67' });
  });
});
