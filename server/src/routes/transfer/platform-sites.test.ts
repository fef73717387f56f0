import { describe, expect, it } from 'vitest';
import { idem, makeTestApp, type TestApp } from '../../test-utils.ts';

// A site on a platform is not a company's: LinkedIn's export gives each connection's profile
// link, a supplier sheet its 1688 shop. As domain keys these made different companies one file.
const commit = (t: TestApp, filename: string, text: string) =>
  t.request('POST', '/api/import/commit', {
    file: { filename, data: Buffer.from(text, 'utf8').toString('base64') },
    idempotencyKey: idem(),
  });

describe('websites on a platform', () => {
  it("LinkedIn's connections: each company its own file, the profile link the person's", async () => {
    const t = makeTestApp();
    const linkedin = [
      'Notes:',
      '"When exporting your connection data, you may notice that some of the email addresses are missing."',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines Inc,Engineer,01 Jan 2024',
      'Jane,Doe,https://www.linkedin.com/in/jane,,Stripe,Product Manager,02 Feb 2024',
      'Alice,Chen,https://www.linkedin.com/in/alice,,Figma,Designer,04 Apr 2024',
    ].join('\n');
    const r = await commit(t, 'Connections.csv', linkedin);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ created: 3, merged: 0 });
    const files = (await t.request('GET', '/api/customers?limit=10')).json.customers;
    expect(files.map((c: { name: string }) => c.name).sort()).toEqual(['Analytical Engines Inc', 'Figma', 'Stripe']);
    const ada = files.find((c: { name: string }) => c.name === 'Analytical Engines Inc');
    const file = (await t.request('GET', `/api/customers/${ada.id}`)).json;
    expect(file.website).toBeNull();
    expect(file.keys.filter((k: { kind: string }) => k.kind === 'domain')).toEqual([]);
    expect(file.people[0]).toMatchObject({ name: 'Ada Lovelace', title: 'Engineer' });
    expect(file.people[0].preferences).toContain('https://www.linkedin.com/in/ada');
    // No LinkedIn page names a customer.
    const badge = await t.request(
      'GET',
      `/api/context/badge?url=${encodeURIComponent('https://www.linkedin.com/in/jane')}`,
    );
    expect(badge.json.customerId).toBeNull();
  });

  it('two shops on one marketplace are two suppliers, each known on its own shop', async () => {
    const t = makeTestApp();
    const sheet = [
      '客户名称,网址,电话',
      '华联五金,https://hualian.1688.com,13800138001',
      '鼎盛机电,https://dingsheng88.1688.com/page/contactinfo.htm,13800138002',
    ].join('\n');
    const r = await commit(t, '供应商.csv', sheet);
    expect(r.json).toMatchObject({ created: 2, merged: 0 });
    const on = async (url: string) =>
      (await t.request('GET', `/api/context/badge?url=${encodeURIComponent(url)}`)).json.name;
    expect(await on('https://dingsheng88.1688.com/page/offerlist.htm')).toBe('鼎盛机电');
    expect(await on('https://hualian.1688.com/')).toBe('华联五金');
    expect(await on('https://detail.1688.com/offer/1.html')).toBeNull();
  });
});
