import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test-utils.ts';
import { stopParseWorker } from './parse-pool.ts';

// Genuine exports of Android, BlackBerry, Evolution, Gmail, iOS, Lotus Notes, the Mac address
// book, Outlook (2003, 2007 and a later one) and Thunderbird, kept byte for byte in
// fixtures/real-vcards (SOURCES.md says where each comes from). Each is imported as a user would:
// the file chosen, previewed and committed with nothing else given — then the same file into one
// chosen customer (POST /api/import/vcard). What is asserted is what an account manager reading
// the card would expect to find on file.
//
// Manual steps on the import screen, beyond choosing the file: the mapping of a vCard is never
// asked (every column has its field, below); a person without a company (ORG) is listed to place,
// which may be done or left (optional steps); a card with problems is listed and left out.
const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/real-vcards');
const NOW = '2026-12-06T02:00:00.000Z';

afterAll(() => stopParseWorker());

const CARD_FIELDS = [
  'person.name',
  'name',
  'person.department',
  'person.title',
  'person.mobile',
  'person.directLine',
  'phones',
  'person.phone',
  'fax',
  'person.emails',
  'person.emails',
  'person.birthday',
  'website',
  'address.formatted',
  'address.formatted',
  'person.preferences',
];

async function importFile(t: TestApp, file: string) {
  const data = readFileSync(join(dir, file)).toString('base64');
  const preview = await t.request('POST', '/api/import/preview', { file: { filename: file, data } });
  expect(preview.status).toBe(200);
  expect(preview.json.format).toBe('vcf');
  expect(preview.json.columns.map((c: { field: string | null }) => c.field)).toEqual(CARD_FIELDS);
  const commit = await t.request('POST', '/api/import/commit', {
    file: { filename: file, data },
    idempotencyKey: `real-vcards-${file}`,
  });
  expect(commit.status).toBe(201);
  const { rows: _r, importId: _i, createdAt: _c, filename: _f, sheet: _s, ...counts } = commit.json;
  // The preview said what the commit did.
  expect(counts).toEqual(preview.json.counts);
  return {
    preview: preview.json,
    report: commit.json,
    /** The optional steps: people without a company listed to place. */
    toPlace: (preview.json.proposals as { action: string; person?: { name: string } }[])
      .filter((p) => p.action === 'unplaced')
      .map((p) => p.person?.name),
  };
}

/** The same file into one chosen customer, as the customer page's "Import vCard" does. */
async function intoCustomer(t: TestApp, file: string) {
  const customer = await t.request('POST', '/api/customers', { name: 'Chosen customer', tier: 'C' });
  expect(customer.status).toBe(201);
  const data = readFileSync(join(dir, file)).toString('base64');
  const r = await t.request('POST', '/api/import/vcard', {
    customerId: customer.json.id,
    file: { filename: file, data },
    idempotencyKey: `real-vcards-into-${file}`,
  });
  expect(r.status).toBe(201);
  return { report: r.json, people: await await people(t, customer.json.id) };
}

/** A JSON list column as either engine gives it: text on SQLite, parsed on PostgreSQL. */
const list = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as string[]) : (v as string[]));

const customers = async (t: TestApp) =>
  (await t.sql('select * from customers where deleted_at is null and name != ? order by id', 'Chosen customer')).map(
    (c) => ({
      id: c.id as number,
      name: c.name as string,
      phones: list(c.phones),
      fax: list(c.fax),
      emails: list(c.emails),
      website: c.website as string | null,
      address: c.address as string | null,
    }),
  );

const people = async (t: TestApp, customerId: number) =>
  (await t.sql(
    `select name, title, mobile, direct_line as "directLine", email, birthday, home_address as "homeAddress", preferences
       from people where customer_id = ? and deleted_at is null order by id`,
    customerId,
  )) as Record<string, string | null>[];

const LICENCE_NOTE =
  'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.';

// The first import starts the parse worker: more than the default 5 s on a busy machine.
describe('genuine vCard exports (fixtures/real-vcards)', { timeout: 30_000 }, () => {
  it('iOS 5 (CR CR LF line ends): the whole card, not an empty file; the work number for the company, faxes, pager and assistant kept', async () => {
    const t = makeTestApp(NOW);
    const { report, toPlace } = await importFile(t, 'John_Doe_IPHONE.vcf');
    expect(report).toMatchObject({ total: 1, created: 1, invalid: 0, unplaced: 0 });
    expect(toPlace).toEqual([]);
    const [ibm, ...more] = await customers(t);
    expect(more).toEqual([]);
    expect(ibm).toMatchObject({
      name: 'IBM',
      phones: ['905-777-1234'],
      fax: ['905-888-1234', '905-999-1234'],
      // `http\://` as Apple escapes the colon of a URL.
      website: 'http://www.ibm.com',
      address: 'Street4, Building 6, Floor 8, New York, 12345, USA',
    });
    expect(await people(t, ibm?.id as number)).toEqual([
      {
        name: 'Mr. John Richter James Doe Sr.',
        title: 'Money Counter',
        mobile: '905-555-1234',
        directLine: '905-777-1234',
        email: 'john.doe@ibm.com',
        birthday: '2012-06-06',
        homeAddress: 'Silicon Alley 5, New York, New York 12345, United States of America',
        preferences: '部门：Accounting\n其他电话：905-111-1234; 905-222-1234; 905-666-1234',
      },
    ]);
    const into = await intoCustomer(makeTestApp(NOW), 'John_Doe_IPHONE.vcf');
    expect(into.report).toMatchObject({ total: 1, created: 1, invalid: 0 });
    expect(into.people).toMatchObject([
      { name: 'Mr. John Richter James Doe Sr.', mobile: '905-555-1234', directLine: '905-777-1234' },
    ]);
  });

  it('Mac address book (PHOTO;BASE64 named bare in 3.0): read, not refused as a whole', async () => {
    const t = makeTestApp(NOW);
    const { report, toPlace } = await importFile(t, 'John_Doe_MAC_ADDRESS_BOOK.vcf');
    expect(report).toMatchObject({ total: 1, created: 1, invalid: 0, unplaced: 0 });
    expect(toPlace).toEqual([]);
    const [ibm] = await customers(t);
    expect(ibm).toMatchObject({
      name: 'IBM',
      phones: ['905-777-1234'],
      fax: ['905-888-1234', '905-999-1234'],
      website: 'http://www.ibm.com',
      address: 'Street4, Building 6, Floor 8, New York, 12345, USA',
    });
    expect(await people(t, ibm?.id as number)).toEqual([
      {
        name: 'Mr. John Richter,James Doe Sr.',
        title: 'Money Counter',
        mobile: '905-555-1234',
        directLine: '905-777-1234',
        email: 'john.doe@ibm.com',
        birthday: '2012-06-06',
        // "Silicon Alley 5," as the street: its own comma not doubled.
        homeAddress: 'Silicon Alley 5, New York, New York 12345, United States of America',
        preferences: `${LICENCE_NOTE}\nFavotire Color: Blue\n部门：Accounting\n其他电话：905-111-1234; 905-222-1234; 905-666-1234`,
      },
    ]);
    const into = await intoCustomer(makeTestApp(NOW), 'John_Doe_MAC_ADDRESS_BOOK.vcf');
    expect(into.report).toMatchObject({ total: 1, created: 1, invalid: 0 });
    expect(into.people).toMatchObject([{ name: 'Mr. John Richter,James Doe Sr.', email: 'john.doe@ibm.com' }]);
  });

  it('Android 2.1 (quoted-printable UTF-8, soft breaks, cards of an e-mail alone, two NOTEs): every card read', async () => {
    const t = makeTestApp(NOW);
    const { report, toPlace } = await importFile(t, 'John_Doe_ANDROID.vcf');
    // Four cards without ORG are listed to place; the two with a company are one customer, their
    // e-mails at the same domain (company.com): the second ORG is merged into the first.
    expect(report).toMatchObject({ total: 6, created: 1, merged: 1, invalid: 0, unplaced: 4 });
    expect(toPlace).toEqual(['john.doe@company.com', 'jane.doe@company.com', 'Ñ Ñ Ñ Ñ Ñ', 'Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ']);
    expect(report.rows[3]).toMatchObject({
      outcome: 'unplaced',
      person: { name: 'Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ', mobile: '123456' },
    });
    const [company, ...more] = await customers(t);
    expect(more).toEqual([]);
    expect(company).toMatchObject({
      name: 'ÑÑÑÑÑÑÑÑÑÑÑÑ',
      phones: ['123456'],
      fax: ['123456'],
      website: 'www.company.com',
    });
    expect(await people(t, company?.id as number)).toEqual([
      {
        name: 'Ñ Ñ Ñ Ñ',
        title: null,
        mobile: '123456',
        directLine: '123456',
        email: 'bob@company.com',
        birthday: null,
        homeAddress: null,
        // The second URL and the second EMAIL, which is not an address (Ñ…): kept in the notes, not refused.
        preferences: '其他网址：http://www.company.com\n其他邮箱：ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ',
      },
      {
        name: 'ÑÑÑÑ',
        title: null,
        mobile: '55556666',
        directLine: null,
        email: 'henry@company.com',
        birthday: null,
        homeAddress: null,
        preferences: null,
      },
    ]);
    expect(JSON.stringify(await t.sql('select * from people'))).not.toMatch(/=[0-9A-F]{2}|Ã/);

    // Placed (the optional step), the person keeps both NOTEs, the second mobile and the two home numbers.
    const placed = makeTestApp(NOW);
    const friend = await placed.request('POST', '/api/customers', { name: 'A file of their own', tier: 'C' });
    const place = await placed.request('POST', '/api/import/commit', {
      file: {
        filename: 'John_Doe_ANDROID.vcf',
        data: readFileSync(join(dir, 'John_Doe_ANDROID.vcf')).toString('base64'),
      },
      decisions: [{ row: 5, action: 'merge', customerId: friend.json.id }],
      idempotencyKey: 'real-vcards-android-place',
    });
    expect(place.status).toBe(201);
    expect(place.json.rows[3]).toMatchObject({ row: 5, outcome: 'merged', customerId: friend.json.id });
    expect(await people(placed, friend.json.id)).toEqual([
      {
        name: 'Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ',
        title: null,
        mobile: '123456',
        directLine: null,
        email: null,
        birthday: null,
        homeAddress: null,
        preferences:
          'Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ\nÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ\n其他电话：3456789; 234567; 45678901',
      },
    ]);

    const into = await intoCustomer(makeTestApp(NOW), 'John_Doe_ANDROID.vcf');
    // Into one customer every card is a person; the card of "Ñ Ñ Ñ Ñ" has the same mobile
    // (123456) as the one before it, so the same-person rule takes it for that person.
    expect(into.report).toMatchObject({ total: 6, created: 5, merged: 1, invalid: 0 });
    expect(into.people.map((p) => [p.name, p.email, p.mobile])).toEqual([
      ['john.doe@company.com', 'john.doe@company.com', null],
      ['jane.doe@company.com', 'jane.doe@company.com', null],
      ['Ñ Ñ Ñ Ñ Ñ', null, '123456789'],
      ['Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ', 'bob@company.com', '123456'],
      ['ÑÑÑÑ', 'henry@company.com', '55556666'],
    ]);
  });

  it('BlackBerry 2.1: the person and their company, the mobile kept as written', async () => {
    const t = makeTestApp(NOW);
    const { report, toPlace } = await importFile(t, 'John_Doe_BLACK_BERRY.vcf');
    expect(report).toMatchObject({ total: 1, created: 1, invalid: 0, unplaced: 0 });
    expect(toPlace).toEqual([]);
    const [acme] = await customers(t);
    expect(acme).toMatchObject({ name: 'Acme Solutions', phones: [], fax: [], website: null, address: null });
    expect(await people(t, acme?.id as number)).toEqual([
      {
        name: 'John Doe',
        title: null,
        mobile: '+96123456789',
        directLine: null,
        email: null,
        birthday: null,
        homeAddress: null,
        preferences: null,
      },
    ]);
    const into = await intoCustomer(makeTestApp(NOW), 'John_Doe_BLACK_BERRY.vcf');
    expect(into.report).toMatchObject({ total: 1, created: 1, invalid: 0 });
    expect(into.people).toMatchObject([{ name: 'John Doe', mobile: '+96123456789' }]);
  });

  it('Evolution 3.0 (folded lines, escaped commas, a three-part ORG): name, department and notes whole', async () => {
    const t = makeTestApp(NOW);
    const { report, toPlace } = await importFile(t, 'John_Doe_EVOLUTION.vcf');
    expect(report).toMatchObject({ total: 1, created: 1, invalid: 0, unplaced: 0 });
    expect(toPlace).toEqual([]);
    const [ibm] = await customers(t);
    expect(ibm).toMatchObject({ name: 'IBM', phones: [], fax: [], website: 'http://www.ibm.com', address: null });
    expect(await people(t, ibm?.id as number)).toEqual([
      {
        name: 'Mr. John Richter, James Doe Sr.',
        title: 'Money Counter',
        // TYPE=CELL is the mobile, TYPE=WORK,VOICE the direct line (the file lists the mobile first).
        mobile: '905-666-1234',
        directLine: '905-555-1234',
        email: 'john.doe@ibm.com',
        birthday: '1980-03-22',
        // ADR's PO box (ASB-123) is not part of the street address.
        homeAddress: '15 Crescent moon drive, Albaney, New York 12345, United States of America',
        preferences: `${LICENCE_NOTE}\n部门：Accounting / Dungeon`,
      },
    ]);
    const into = await intoCustomer(makeTestApp(NOW), 'John_Doe_EVOLUTION.vcf');
    expect(into.report).toMatchObject({ total: 1, created: 1, invalid: 0 });
    expect(into.people).toMatchObject([{ name: 'Mr. John Richter, James Doe Sr.', mobile: '905-666-1234' }]);
  });

  it('Gmail 3.0 (URL with an escaped colon, \\" in NOTE): the card is not refused for its web address', async () => {
    const t = makeTestApp(NOW);
    const { report, preview, toPlace } = await importFile(t, 'John_Doe_GMAIL.vcf');
    expect(preview.errors).toEqual([]);
    expect(report).toMatchObject({ total: 1, created: 1, invalid: 0, unplaced: 0 });
    expect(toPlace).toEqual([]);
    const [ibm] = await customers(t);
    expect(ibm).toMatchObject({ name: 'IBM', phones: [], website: 'http://www.ibm.com', address: null });
    expect(await people(t, ibm?.id as number)).toEqual([
      {
        name: 'Mr. John Richter, James Doe Sr.',
        title: 'Money Counter',
        mobile: '905-555-1234',
        directLine: null,
        email: 'john.doe@ibm.com',
        birthday: '1980-03-22',
        homeAddress: 'Crescent moon drive, 555-asd, Nice Area, Albaney, New York 12345, United States of America',
        preferences: `${LICENCE_NOTE}\nFavotire Color: Blue\n其他电话：905-666-1234`,
      },
    ]);
    const into = await intoCustomer(makeTestApp(NOW), 'John_Doe_GMAIL.vcf');
    expect(into.report).toMatchObject({ total: 1, created: 1, invalid: 0 });
  });

  it('Gmail, three people without a company: all three listed to place, none refused', async () => {
    const t = makeTestApp(NOW);
    const { report, toPlace } = await importFile(t, 'gmail-list.vcf');
    expect(report).toMatchObject({ total: 3, created: 0, invalid: 0, unplaced: 3 });
    expect(toPlace).toEqual(['Arnold Smith', 'Chris Beatle', 'Doug White']);
    expect(report.rows.map((r: { person: unknown }) => r.person)).toEqual([
      { name: 'Arnold Smith', email: 'asmithk@gmail.com' },
      { name: 'Chris Beatle', email: 'chrisy55d@yahoo.com' },
      { name: 'Doug White', email: 'dwhite@gmail.com' },
    ]);
    expect(await customers(t)).toEqual([]);
    const into = await intoCustomer(makeTestApp(NOW), 'gmail-list.vcf');
    expect(into.report).toMatchObject({ total: 3, created: 3, invalid: 0 });
    expect(into.people.map((p) => [p.name, p.email])).toEqual([
      ['Arnold Smith', 'asmithk@gmail.com'],
      ['Chris Beatle', 'chrisy55d@yahoo.com'],
      ['Doug White', 'dwhite@gmail.com'],
    ]);
  });

  it('Gmail single: the work address and number for the company, the home address for the person', async () => {
    const t = makeTestApp(NOW);
    const { report, preview, toPlace } = await importFile(t, 'gmail-single.vcf');
    expect(preview.errors).toEqual([]);
    expect(report).toMatchObject({ total: 1, created: 1, invalid: 0, unplaced: 0 });
    expect(toPlace).toEqual([]);
    const [company] = await customers(t);
    expect(company).toMatchObject({
      name: 'TheCompany',
      phones: ['555 555 2222'],
      website: 'http://TheProfile.com',
      address: '321 Custom St, Custom City, TX 98765, USA',
    });
    expect(await people(t, company?.id as number)).toEqual([
      {
        name: 'Greg Dartmouth',
        title: 'TheJobTitle',
        mobile: '555 555 1111',
        directLine: '555 555 2222',
        email: 'gdartmouth@hotmail.com',
        birthday: '1960-09-10',
        homeAddress: '123 Home St, Home City, HM 12345',
        preferences: "This is GMail's note field.\nIt should be added as a NOTE type.\nACustomField: CustomField",
      },
    ]);
    const into = await intoCustomer(makeTestApp(NOW), 'gmail-single.vcf');
    expect(into.report).toMatchObject({ total: 1, created: 1, invalid: 0 });
  });

  it('Gmail with every kind of number, e-mail, address and site: each typed where it belongs, none dropped', async () => {
    const t = makeTestApp(NOW);
    const { report, preview, toPlace } = await importFile(t, 'gmail-single2.vcf');
    expect(preview.errors).toEqual([]);
    expect(report).toMatchObject({ total: 1, created: 1, invalid: 0, unplaced: 0 });
    expect(toPlace).toEqual([]);
    const [company] = await customers(t);
    expect(company).toMatchObject({
      name: 'TheCompany',
      // TYPE=MAIN: the company's own number.
      phones: ['5555551116'],
      fax: ['5555551117', '5555551118'],
      // The site typed WORK, the address typed WORK.
      website: 'http://www.example5.com',
      address: '113 Main St, NY, New York 10011',
      // More e-mails at the person's own domain (example.com) are the company's.
      emails: [
        'workemail@example.com',
        'otheremail@example.com',
        'customcategory@example.com',
        'homeemail@example.com',
      ],
    });
    expect(await people(t, company?.id as number)).toEqual([
      {
        name: 'VCard Test',
        title: 'TheJobTitle',
        mobile: '5555551115',
        directLine: '5555551113',
        email: 'email@example.com',
        birthday: '1912-06-23',
        homeAddress: '112 Main St, NY, New York 10011',
        preferences:
          'note line 1\nnote line 2\nCustomField: field value\n其他地址：111 Main St, NY, New York 10011; 114 Main St, NY, New York 10011; 115 Main St, NY, New York 10011\n其他网址：http://www.example1.com; http://www.example2.com; http://www.example3.com; http://www.example4.com; http://www.example6.com\n其他电话：5555551111; 5555551114; 5555551119; 5555551120; 5555551121; 5555551112',
      },
    ]);
    const into = await intoCustomer(makeTestApp(NOW), 'gmail-single2.vcf');
    expect(into.report).toMatchObject({ total: 1, created: 1, invalid: 0 });
  });

  it('Lotus Notes: a two-part ORG, the fax for the company, the second e-mail kept', async () => {
    const t = makeTestApp(NOW);
    const { report, toPlace } = await importFile(t, 'John_Doe_LOTUS_NOTES.vcf');
    expect(report).toMatchObject({ total: 1, created: 1, invalid: 0, unplaced: 0 });
    expect(toPlace).toEqual([]);
    const [ibm] = await customers(t);
    expect(ibm).toMatchObject({
      name: 'IBM',
      phones: [],
      fax: ['00-1-212-555-7777'],
      website: 'http://www.sun.com',
      address: null,
    });
    const [john, ...more] = await people(t, ibm?.id as number);
    expect(more).toEqual([]);
    expect(john).toMatchObject({
      name: 'Mr. Doe John I Johny',
      title: 'Generic Accountant',
      mobile: '+1 (212) 204-34456',
      directLine: null,
      email: 'john.doe@ibm.com',
      birthday: '1980-05-21',
      // As the file has it ("3rd floo r").
      homeAddress: '25334, South cresent drive, Building 5, 3rd floo r, New York, New York NYC887, U.S.A.',
    });
    expect(john?.preferences).toMatch(/^THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"\n/);
    expect(john?.preferences).toMatch(/POSSIBILITY OF SUCH DAMAGE\.\n部门：SUN\n其他邮箱：billy_bob@gmail\.com$/);
    const into = await intoCustomer(makeTestApp(NOW), 'John_Doe_LOTUS_NOTES.vcf');
    expect(into.report).toMatchObject({ total: 1, created: 1, invalid: 0 });
  });

  it('Outlook 2.1 (John Doe): work and home numbers typed, BDAY 19800322, work address for the company', async () => {
    const t = makeTestApp(NOW);
    const { report, toPlace } = await importFile(t, 'John_Doe_MS_OUTLOOK.vcf');
    expect(report).toMatchObject({ total: 1, created: 1, invalid: 0, unplaced: 0 });
    expect(toPlace).toEqual([]);
    const [ibm] = await customers(t);
    expect(ibm).toMatchObject({
      name: 'IBM',
      phones: ['(905) 555-1234'],
      fax: [],
      website: 'http://www.ibm.com',
      address: 'Cresent moon drive, Albaney, New York 12345, United States of America',
    });
    const [john] = await people(t, ibm?.id as number);
    expect(john).toMatchObject({
      name: 'Mr. John Richter James Doe Sr.',
      title: 'Money Counter',
      mobile: null,
      directLine: '(905) 555-1234',
      email: 'john.doe@ibm.cm',
      birthday: '1980-03-22',
      homeAddress: 'Silicon Alley 5, New York, New York 12345, United States of America',
    });
    expect(john?.preferences).toMatch(/^THIS SOFTWARE IS PROVIDED BY GEORGE EL-HADDAD ''AS IS''/);
    expect(john?.preferences).toMatch(/SUCH DAMAGE\.\n部门：Accounting\n其他电话：\(905\) 666-1234$/);
    const into = await intoCustomer(makeTestApp(NOW), 'John_Doe_MS_OUTLOOK.vcf');
    expect(into.report).toMatchObject({ total: 1, created: 1, invalid: 0 });
  });

  it('Outlook 2003: the file holds words where numbers go ("BusinessPhone"): the card is listed with why, not imported', async () => {
    const t = makeTestApp(NOW);
    const { report, preview, toPlace } = await importFile(t, 'outlook-2003.vcf');
    expect(preview.errors).toEqual([
      {
        row: 2,
        field: 'phones',
        why: '"BusinessPhone" is not a phone number',
        code: 'not_phone',
        value: 'BusinessPhone',
      },
      {
        row: 2,
        field: 'fax',
        why: '"BusinessFaxPhone" is not a phone number',
        code: 'not_phone',
        value: 'BusinessFaxPhone',
      },
      {
        row: 2,
        field: 'person.mobile',
        why: '"MobilePhone" is not a phone number',
        code: 'not_phone',
        value: 'MobilePhone',
      },
      {
        row: 2,
        field: 'person.directLine',
        why: '"BusinessPhone" is not a phone number',
        code: 'not_phone',
        value: 'BusinessPhone',
      },
    ]);
    expect(report).toMatchObject({ total: 1, created: 0, invalid: 1, unplaced: 0 });
    expect(toPlace).toEqual([]);
    expect(await customers(t)).toEqual([]);
    // Into a customer the card is refused for the same reason.
    const into = await intoCustomer(makeTestApp(NOW), 'outlook-2003.vcf');
    expect(into.report).toMatchObject({ total: 1, created: 0, invalid: 1 });
    expect(into.report.cards[0].errors).toEqual([
      '"BusinessPhone" is not a phone number',
      '"HomePhone" is not a phone number',
      '"MobilePhone" is not a phone number',
      '"BusinessFaxPhone" is not a phone number',
    ]);
    expect(into.people).toEqual([]);
  });

  it('Outlook 2007: person, company with its number, fax, site and address; notes as written', async () => {
    const t = makeTestApp(NOW);
    const { report, toPlace } = await importFile(t, 'outlook-2007.vcf');
    expect(report).toMatchObject({ total: 1, created: 1, invalid: 0, unplaced: 0 });
    expect(toPlace).toEqual([]);
    const [company] = await customers(t);
    expect(company).toMatchObject({
      name: 'TheCompany',
      phones: ['(111) 555-1111'],
      fax: ['(111) 555-3333'],
      website: 'http://mikeangstadt.name',
      address: '222 Broadway TheOffice, New York, NY 99999, USA',
    });
    expect(await people(t, company?.id as number)).toEqual([
      {
        name: 'Mr. Michael Angstadt Jr.',
        title: 'TheJobTitle',
        mobile: '(111) 555-4444',
        directLine: '(111) 555-1111',
        email: 'mike.angstadt@gmail.com',
        birthday: '1922-03-10',
        homeAddress: null,
        preferences:
          "This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\nBut I'm not sure because there's text formatting going on here.\nIt does not preserve the formatting\n部门：TheDepartment\n其他电话：(111) 555-2222",
      },
    ]);
    const into = await intoCustomer(makeTestApp(NOW), 'outlook-2007.vcf');
    expect(into.report).toMatchObject({ total: 1, created: 1, invalid: 0 });
  });

  it('Thunderbird (MoreFunctionsForAddressBook): the WORK site for the company, \\; in NOTE read as ";"', async () => {
    const t = makeTestApp(NOW);
    const { report, toPlace } = await importFile(t, 'thunderbird-MoreFunctionsForAddressBook-extension.vcf');
    expect(report).toMatchObject({ total: 1, created: 1, invalid: 0, unplaced: 0 });
    expect(toPlace).toEqual([]);
    const [company] = await customers(t);
    expect(company).toMatchObject({
      name: 'TheOrganization',
      phones: ['555-555-1111'],
      fax: ['555-555-3333'],
      website: 'http://www.work-webpage.com',
      address: 'Suite 100 222 Broadway, New York, NY 98765, USA',
      // The four more addresses at company.com are the company's.
      emails: [
        'additional-email@company.com',
        'additional-email1@company.com',
        'additional-email2@company.com',
        'additional-email3@company.com',
      ],
    });
    expect(await people(t, company?.id as number)).toEqual([
      {
        name: 'John Doe',
        title: 'TheTitle',
        mobile: '555-555-5555',
        directLine: '555-555-1111',
        email: 'doe.john@hotmail.com',
        birthday: '1970-09-21',
        homeAddress: 'Apt 10 123 Main St, Austin, TX 12345, USA',
        preferences:
          'This is the notes field.\nSecond Line\n\nFourth Line\nYou can put anything in the "note" field; even curse words.\n其他网址：http://www.private-webpage.com\n部门：TheDepartment\n其他电话：555-555-4444; 555-555-2222',
      },
    ]);
    const into = await intoCustomer(makeTestApp(NOW), 'thunderbird-MoreFunctionsForAddressBook-extension.vcf');
    expect(into.report).toMatchObject({ total: 1, created: 1, invalid: 0 });
    expect(into.people).toMatchObject([
      { name: 'John Doe', email: 'doe.john@hotmail.com', preferences: expect.stringContaining('field; even') },
    ]);
  });
});
