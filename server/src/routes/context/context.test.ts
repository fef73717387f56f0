import { describe, expect, it } from 'vitest';
import { idem, makeTestApp, type TestApp } from '../../test-utils.ts';

async function seed(t: TestApp) {
  const xz = await t.request('POST', '/api/customers', {
    name: '徐州嘉华融通置业有限公司',
    tier: 'A',
    website: 'https://www.xz-land.com.cn',
    keys: [{ kind: 'credit_code', value: '91350100M000100Y43' }],
    people: [
      { name: '王建国', title: '董事长', email: 'wang@xz-land.com.cn', keyPerson: true },
      { name: '李娜', title: '采购经理', email: 'lina1988@qq.com' },
    ],
  });
  const gh = await t.request('POST', '/api/customers', {
    name: 'Pages Co',
    tier: 'C',
    website: 'https://pages-co.github.io',
  });
  return { xz: xz.json.id as number, gh: gh.json.id as number };
}

const ctx = (t: TestApp, q: Record<string, string>) => t.request('GET', `/api/context?${new URLSearchParams(q)}`);

describe('context', () => {
  it.each([
    'https://www.xz-land.com.cn/',
    'https://hr.xz-land.com.cn/jobs',
    'http://XZ-LAND.com.cn:8080/about?x=1',
    'https://a.b.xz-land.com.cn',
  ])('matches %s by the registrable domain (.com.cn, any sub-domain)', async (url) => {
    const t = makeTestApp();
    const { xz } = await seed(t);
    const r = await ctx(t, { url });
    expect(r.status).toBe(200);
    expect(r.json.customer.id).toBe(xz);
    expect(r.json.matchedBy).toEqual({ kind: 'domain', value: 'xz-land.com.cn' });
    expect(r.json.tier).toBe('A');
    expect(r.json.nextCallDue).toBe(r.json.customer.nextCallDue);
  });

  it('does not merge different github.io sites or match other .com.cn companies', async () => {
    const t = makeTestApp();
    await seed(t);
    expect((await ctx(t, { url: 'https://other.github.io/' })).json.customer).toBeNull();
    expect((await ctx(t, { url: 'https://pages-co.github.io/x' })).json.customer.name).toBe('Pages Co');
    expect((await ctx(t, { url: 'https://www.land.com.cn/' })).json.customer).toBeNull();
    const none = await ctx(t, { url: 'chrome://extensions' });
    expect(none.status).toBe(200);
    expect(none.json).toMatchObject({ customer: null, matchedBy: null, tier: null });
  });

  it('matches a company mailbox by its domain and a free mailbox only by the full address', async () => {
    const t = makeTestApp();
    const { xz } = await seed(t);
    const boss = await ctx(t, { email: 'Wang@xz-land.com.cn' });
    expect(boss.json.customer.id).toBe(xz);
    expect(boss.json.person.name).toBe('王建国');
    const colleague = await ctx(t, { email: 'zhao@mail.xz-land.com.cn' });
    expect(colleague.json.customer.id).toBe(xz);
    expect(colleague.json.matchedBy.kind).toBe('domain');
    expect(colleague.json.person).toBeNull();
    const li = await ctx(t, { email: 'lina1988@qq.com' });
    expect(li.json.customer.id).toBe(xz);
    expect(li.json.person.name).toBe('李娜');
    expect(li.json.matchedBy).toEqual({ kind: 'email', value: 'lina1988@qq.com' });
    // Another qq.com user is not this customer just because of the free mailbox.
    expect((await ctx(t, { email: 'someone@qq.com' })).json.customer).toBeNull();
  });

  it('tries the credit code before the URL and says which key matched', async () => {
    const t = makeTestApp();
    const { xz } = await seed(t);
    const r = await ctx(t, { url: 'https://www.qcc.com/firm/abc.html', creditCode: '91350100m000100y43' });
    expect(r.json.customer.id).toBe(xz);
    expect(r.json.matchedBy).toEqual({ kind: 'credit_code', value: '91350100M000100Y43' });
  });

  it('offers a same-name customer as a suggestion, never as a match', async () => {
    const t = makeTestApp();
    const { xz } = await seed(t);
    const r = await ctx(t, { url: 'https://news.example.com/a', name: '嘉华融通置业有限公司' });
    expect(r.json.customer).toBeNull();
    expect(r.json.suggestions).toEqual([expect.objectContaining({ id: xz })]);
  });

  it('reports overdue flags, the last three interactions, key people and follow-ups', async () => {
    const t = makeTestApp('2026-11-01T00:00:00.000Z');
    const { xz } = await seed(t);
    for (const [day, kind] of [
      [2, 'call'],
      [3, 'email'],
      [4, 'note'],
      [5, 'call'],
    ] as const) {
      t.setNow(`2026-11-0${day}T00:00:00.000Z`);
      await t.request('POST', '/api/interactions', {
        customerId: xz,
        kind,
        summary: `${kind} ${day}`,
        idempotencyKey: idem(),
      });
    }
    t.setNow('2026-11-14T00:00:00.000Z');
    const r = await ctx(t, { url: 'https://www.xz-land.com.cn' });
    expect(r.json.overdue).toEqual({ call: true, visit: false, appointment: false, any: true });
    expect(r.json.lastInteractions.map((i: { summary: string }) => i.summary)).toEqual(['call 5', 'note 4', 'email 3']);
    expect(r.json.keyPeople.map((p: { name: string }) => p.name)).toEqual(['王建国']);
    expect(r.json.followUps).toBe(3);
  });

  it("the toolbar's badge answers what the card does about tier and due dates, and no more", async () => {
    const t = makeTestApp('2026-11-01T00:00:00.000Z');
    const { xz } = await seed(t);
    t.setNow('2026-12-20T00:00:00.000Z');
    const badge = (url: string, headers: Record<string, string> = {}) =>
      t.request('GET', `/api/context/badge?${new URLSearchParams({ url })}`, undefined, headers);
    const card = (await ctx(t, { url: 'https://hr.xz-land.com.cn/jobs' })).json;
    const b = await badge('https://hr.xz-land.com.cn/jobs');
    expect(b.status).toBe(200);
    expect(b.json).toEqual({
      customerId: xz,
      name: '徐州嘉华融通置业有限公司',
      tier: 'A',
      lost: false,
      nextCallDue: card.nextCallDue,
      nextVisitDue: card.nextVisitDue,
      nextDue: card.nextDue,
      appointment: null,
      overdue: card.overdue,
    });
    expect(b.json.overdue.any).toBe(true);
    expect((await badge('https://unknown.example.org/')).json).toMatchObject({ customerId: null, tier: null });
    // Another member's file is no file at all.
    const li = t.addUser('li', 'member');
    expect((await badge('https://www.xz-land.com.cn/', li.headers)).json.customerId).toBeNull();
    // A lost file owes nothing.
    await t.request('PATCH', `/api/customers/${xz}`, { status: 'lost', lostReasonCode: 'price' });
    expect((await badge('https://www.xz-land.com.cn/')).json).toMatchObject({
      lost: true,
      nextDue: null,
      overdue: { any: false },
    });
    expect((await badge('')).status).toBe(400);
  });

  it("names the viewer's own file when a colleague's file holds the site's domain: the card as the badge", async () => {
    const t = makeTestApp();
    const li = t.addUser('li', 'member');
    const wang = t.addUser('wang', 'member');
    const ask = (path: string) => t.request('GET', path, undefined, wang.headers);
    const hers = await t.request(
      'POST',
      '/api/customers',
      { name: '徐州某某置业有限公司', tier: 'A', website: 'https://www.xz-land.com.cn' },
      li.headers,
    );
    expect(hers.status).toBe(201);
    // wang cannot see her file; his own has the company's mailbox (its domain is the site's).
    const his = await t.request(
      'POST',
      '/api/customers',
      {
        name: '徐州某某置业有限公司',
        tier: 'B',
        emails: ['info@xz-land.com.cn'],
        people: [{ name: '钱七', email: 'qian@xz-land.com.cn' }],
      },
      wang.headers,
    );
    expect(his.status).toBe(201);
    const mine = his.json.id;
    expect((await ask('/api/context/badge?url=https://www.xz-land.com.cn/about')).json.customerId).toBe(mine);
    expect((await ask('/api/context?url=https://www.xz-land.com.cn/about')).json.customer?.id).toBe(mine);
    expect((await ask('/api/context?email=info@xz-land.com.cn')).json.customer?.id).toBe(mine);
    // The same person's address on both files: his own.
    await t.request(
      'POST',
      `/api/customers/${hers.json.id}/people`,
      { name: '钱七', email: 'qian@xz-land.com.cn' },
      li.headers,
    );
    const byPerson = await ask('/api/context?email=qian@xz-land.com.cn');
    expect(byPerson.json.customer?.id).toBe(mine);
    expect(byPerson.json.person?.name).toBe('钱七');
    // And li still sees hers.
    const own = await t.request('GET', '/api/context?url=https://www.xz-land.com.cn/', undefined, li.headers);
    expect(own.json.customer?.id).toBe(hers.json.id);
  });

  it('asks for at least one of url, email, creditCode, icp, name', async () => {
    const t = makeTestApp();
    const r = await t.request('GET', '/api/context');
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid_request');
  });
});
