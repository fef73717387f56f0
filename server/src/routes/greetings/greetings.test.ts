import { describe, expect, it } from 'vitest';
import { idem, makeTestApp } from '../../test-utils.ts';

describe('greetings', () => {
  it("lists upcoming birthdays, holidays and this week's A key people not yet greeted, each with a personal draft", async () => {
    // Friday 2026-11-27, 10:00 in Shanghai.
    const t = makeTestApp('2026-11-27T02:00:00.000Z');
    const a = await t.request('POST', '/api/customers', {
      name: '徐州嘉华融通置业有限公司',
      tier: 'A',
      people: [
        { name: '王建国', title: '董事长', keyPerson: true, birthday: '1968-12-03', preferences: '喜欢喝茶' },
        { name: '李娜', title: '采购经理' },
      ],
    });
    const n = await t.request('POST', '/api/customers', {
      name: 'Northwind Trading Co., Ltd.',
      tier: 'A',
      people: [{ name: 'Ann Lee', title: 'General Manager', keyPerson: true }],
    });
    await t.request('POST', '/api/customers', {
      name: 'B Co',
      tier: 'B',
      people: [{ name: '赵敏', keyPerson: true, birthday: '1990-02-01' }],
    });
    const r = await t.request('GET', '/api/greetings?days=14');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ today: '2026-11-27', isFriday: true, weekStart: '2026-11-22T16:00:00.000Z' });
    expect(r.json.birthdays.map((b: { name: string; date: string }) => `${b.name} ${b.date}`)).toEqual([
      '王建国 2026-12-03',
    ]);
    expect(r.json.birthdays[0].draft).toMatch(/^王董事长，生日快乐！/);
    expect(r.json.holidays.map((h: { key: string }) => h.key)).toEqual([]);
    const friday = r.json.friday.map((p: { name: string }) => p.name);
    expect(friday).toEqual(['王建国', 'Ann Lee']);
    const drafts = r.json.friday.map((p: { draft: string }) => p.draft);
    expect(drafts[0]).toMatch(/^王董事长，/);
    expect(drafts[0]).toContain('喝茶');
    expect(drafts[1]).toMatch(/^Hi Ann, /);
    expect(new Set(drafts).size).toBe(drafts.length);

    // Greeting one person, one click, takes them off this week's list.
    const wang = a.json.people[0].id;
    await t.request('POST', '/api/interactions', {
      customerId: a.json.id,
      kind: 'greeting',
      personId: wang,
      idempotencyKey: idem(),
    });
    const after = await t.request('GET', '/api/greetings');
    expect(after.json.friday.map((p: { customerId: number }) => p.customerId)).toEqual([n.json.id]);
  });

  it('offers holiday drafts for the key people of A customers', async () => {
    const t = makeTestApp('2026-09-20T02:00:00.000Z');
    await t.request('POST', '/api/customers', {
      name: '嘉华',
      tier: 'A',
      people: [{ name: '王建国', title: '总经理', keyPerson: true }],
    });
    const r = await t.request('GET', '/api/greetings?days=14');
    expect(r.json.holidays.map((h: { key: string; date: string }) => `${h.key} ${h.date}`)).toEqual([
      'mid_autumn 2026-09-25',
      'national_day 2026-10-01',
    ]);
    expect(r.json.holidays[0].drafts[0].draft).toMatch(/^王总，中秋节快乐！/);
  });
});
