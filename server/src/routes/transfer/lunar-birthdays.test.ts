import { describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test-utils.ts';

// A key person's lunar birthday (农历) through every way out and back in: taken for a solar
// date, the greeting and the reminder fell on the wrong day.
const NOW = '2026-12-07T01:00:00.000Z';

async function download(t: TestApp, query: string) {
  const res = await t.app.request(`/api/export?${query}`, {
    headers: { authorization: 'Bearer test-token-0123456789' },
  });
  return Buffer.from(await res.arrayBuffer());
}
const commit = (t: TestApp, filename: string, bytes: Buffer, key: string) =>
  t.request('POST', '/api/import/commit', {
    file: { filename, data: bytes.toString('base64') },
    idempotencyKey: key,
  });
async function peopleOf(t: TestApp) {
  const list = (await t.request('GET', '/api/customers')).json.customers as { id: number }[];
  const files = await Promise.all(list.map(async (c) => (await t.request('GET', `/api/customers/${c.id}`)).json));
  return files.flatMap((f) =>
    (f.people as { name: string; birthday?: string; birthdayLunar: boolean; preferences?: string }[]).map((p) => ({
      name: p.name,
      birthday: p.birthday,
      lunar: p.birthdayLunar,
      notes: p.preferences,
    })),
  );
}

describe('a lunar birthday', () => {
  async function seeded() {
    const t = makeTestApp(NOW);
    await t.request('POST', '/api/customers', {
      name: '徐州某某置业有限公司',
      tier: 'A',
      people: [
        { name: '张伟', birthday: '1975-11-08', birthdayLunar: true, keyPerson: true },
        { name: '李娜', birthday: '1604-12-23', birthdayLunar: true },
        { name: '王强', birthday: '1980-03-02' },
      ],
    });
    return t;
  }
  const expected = [
    { name: '张伟', birthday: '1975-11-08', lunar: true },
    { name: '李娜', birthday: '1604-12-23', lunar: true },
    { name: '王强', birthday: '1980-03-02', lunar: false },
  ];

  it.each(['xlsx', 'csv'])('stays lunar through a %s export and its import into a fresh database', async (format) => {
    const a = await seeded();
    const b = makeTestApp(NOW);
    if (format === 'xlsx') {
      expect((await commit(b, 'dossier.xlsx', await download(a, 'format=xlsx'), 'lunar-xlsx')).status).toBe(201);
    } else {
      // The people's own sheet says a lunar one so: 农历 1975-11-08.
      const csv = (await download(a, 'format=csv&entity=people')).toString('utf8');
      expect(csv).toContain('农历 1975-11-08');
      expect(csv).toContain('农历 --12-23');
      const customers = await download(a, 'format=csv&entity=customers');
      const people = csv.replace(/^\uFEFF/, '');
      // One sheet of people with their company's name, as a hand-made list would be.
      const [head, ...rows] = people.trim().split(/\r?\n/);
      expect(customers.length).toBeGreaterThan(0);
      const sheet = [`公司名称,${head}`, ...rows.map((r) => `徐州某某置业有限公司,${r}`)].join('\r\n');
      expect((await commit(b, 'people.csv', Buffer.from(sheet), 'lunar-csv')).status).toBe(201);
    }
    expect((await peopleOf(b)).map(({ notes: _, ...p }) => p)).toEqual(expected);
    const greetings = (await b.request('GET', '/api/greetings?days=30')).json;
    expect(JSON.stringify(greetings)).toContain('2026-12-16');
  });

  it('stays lunar through a vCard export (X-ALTBDAY;CALSCALE=chinese, as an iPhone writes it) and back', async () => {
    const a = await seeded();
    const vcf = await download(a, 'format=vcf');
    const text = vcf.toString('utf8');
    expect(text).toContain('X-ALTBDAY;CALSCALE=chinese:007700521108');
    expect(text).not.toContain('BDAY:1975');
    const b = makeTestApp(NOW);
    expect((await commit(b, 'people.vcf', vcf, 'lunar-vcf')).status).toBe(201);
    expect((await peopleOf(b)).map(({ notes: _, ...p }) => p)).toEqual(expected);
  });

  it("fills a known person's blank birthday from an iPhone's card, still lunar", async () => {
    const t = makeTestApp(NOW);
    const id = (
      await t.request('POST', '/api/customers', {
        name: '徐州某某置业有限公司',
        tier: 'A',
        people: [{ name: '张伟', mobile: '13912345678' }],
      })
    ).json.id as number;
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:张;伟;;;',
      'FN:张伟',
      'TEL;type=CELL;type=VOICE;type=pref:139 1234 5678',
      'X-ALTBDAY;CALSCALE=chinese:007700521108',
      'END:VCARD',
      '',
    ].join('\r\n');
    const r = await t.request('POST', '/api/import/vcard', {
      customerId: id,
      file: { filename: '张伟.vcf', data: Buffer.from(vcf).toString('base64') },
      idempotencyKey: 'lunar-card',
    });
    expect(r.json).toMatchObject({ merged: 1, created: 0 });
    expect((await peopleOf(t)).map(({ notes: _, ...p }) => p)).toEqual([
      { name: '张伟', birthday: '1975-11-08', lunar: true },
    ]);
  });

  it("is read from a sheet's 农历生日 column, in figures or in words, the solar one beside it kept in the notes", async () => {
    const t = makeTestApp(NOW);
    const sheet = [
      '公司名称,联系人,生日,农历生日',
      '徐州某某置业有限公司,张伟,1975-12-10,1975-11-08',
      '徐州某某置业有限公司,李娜,,腊月廿三',
      '徐州某某置业有限公司,王强,1980-03-02,',
    ].join('\r\n');
    expect((await commit(t, 'book.csv', Buffer.from(sheet), 'lunar-sheet')).status).toBe(201);
    const people = await peopleOf(t);
    expect(people.map(({ notes: _, ...p }) => p)).toEqual(expected);
    expect(people[0]?.notes).toBe('公历生日：1975-12-10');
  });
});
