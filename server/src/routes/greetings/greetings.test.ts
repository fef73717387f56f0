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
    // Preferences are the account manager's private notes: never in a message.
    expect(drafts[0]).not.toContain('喝茶');
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

  it('drafts use only the greeting line written for them, never private notes, and read cleanly', async () => {
    const t = makeTestApp('2026-11-27T02:00:00.000Z');
    await t.request('POST', '/api/customers', {
      name: '嘉华',
      tier: 'A',
      notes: '老板说话直接',
      people: [
        {
          name: '欧阳娜娜',
          title: '市场总监',
          keyPerson: true,
          preferences: '知道您说话直接',
          greetingHook: '祝您周末钓鱼收获满满！',
        },
        { name: '司马光', title: '总经理', keyPerson: true, preferences: 'punctual, coffee not tea.' },
        {
          name: 'Hope Smith',
          title: 'CFO',
          keyPerson: true,
          preferences: 'German; punctual, coffee not tea.',
          greetingHook: 'Good luck at the marathon',
        },
      ],
    });
    const r = (await t.request('GET', '/api/greetings?days=14')).json;
    const drafts = r.friday.map((p: { draft: string }) => p.draft) as string[];
    expect(drafts[0]).toMatch(/^欧阳总监，/);
    expect(drafts[0]).toContain('祝您周末钓鱼收获满满！');
    expect(drafts[1]).toMatch(/^司马总，/);
    expect(drafts[2]).toMatch(/^Hi Hope, .*Good luck at the marathon\.$/);
    for (const d of drafts) {
      expect(d).not.toMatch(/说话直接|coffee|German|punctual/);
      expect(d).not.toMatch(/[。！？!?][。！？!?，,.]/);
    }
  });

  it('a lunar birthday is greeted on its solar day of this year', async () => {
    // Mid-Autumn 2026 (lunar 8-15) is 25 September.
    const t = makeTestApp('2026-09-20T02:00:00.000Z');
    await t.request('POST', '/api/customers', {
      name: '嘉华',
      tier: 'B',
      people: [
        { name: '王建国', birthday: '1968-08-15', birthdayLunar: true },
        { name: '李娜', birthday: '1990-08-15' },
      ],
    });
    const r = (await t.request('GET', '/api/greetings?days=14')).json;
    expect(r.birthdays.map((b: { name: string; date: string; lunar: boolean }) => [b.name, b.date, b.lunar])).toEqual([
      ['王建国', '2026-09-25', true],
    ]);
  });
});
