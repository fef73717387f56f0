import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test-utils.ts';

/** Fetches a feed the way a calendar app does: no Authorization header at all. */
async function fetchFeed(t: TestApp, path: string) {
  const res = await t.app.request(path);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

function events(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics) as never);
  return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('calendar feed', () => {
  it('lists due calls and visits, appointments, open promises and yearly birthdays as valid iCalendar', async () => {
    const t = makeTestApp('2026-11-23T02:00:00.000Z');
    const a = await t.request('POST', '/api/customers', {
      name: '徐州嘉华融通置业有限公司',
      tier: 'A',
      people: [{ name: '王建国', birthday: '1968-05-12' }],
    });
    const lost = await t.request('POST', '/api/customers', {
      name: '流失客户有限公司',
      tier: 'A',
      people: [{ name: '不列出', birthday: '1970-02-02' }],
    });
    await t.request('PATCH', `/api/customers/${lost.json.id}`, { status: 'lost', lostReasonCode: 'price' });
    await t.request('POST', '/api/interactions', {
      customerId: a.json.id,
      kind: 'meeting',
      summary: '见面',
      appointment: '2026-11-26T06:30:00.000Z',
      idempotencyKey: 'cal-meeting-0001',
    });
    const promise = await t.request('POST', '/api/commitments', {
      customerId: a.json.id,
      text: '发送报价单',
      dueAt: '2026-11-24T02:00:00.000Z',
    });
    expect(promise.status).toBe(201);

    const feed = await t.request('POST', '/api/calendar/feed');
    expect(feed.status).toBe(201);
    expect(feed.json.path).toMatch(/^\/calendar\/dcal_[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed.json.url).toBe(`http://localhost${feed.json.path}`);
    const got = await fetchFeed(t, feed.json.path);
    expect(got.status).toBe(200);
    expect(got.type).toBe('text/calendar; charset=utf-8');
    const list = events(got.text);
    const byUid = new Map(list.map((e) => [e.uid, e]));
    const id = a.json.id;
    expect([...byUid.keys()].sort()).toEqual(
      [
        `appointment-${id}@dossier`,
        `birthday-1@dossier`,
        `call-${id}@dossier`,
        `commitment-${promise.json.id}@dossier`,
        `visit-${id}@dossier`,
      ].sort(),
    );
    const call = byUid.get(`call-${id}@dossier`) as ICAL.Event;
    // A's weekly call after the meeting on the 23rd: all-day on the 30th (Asia/Shanghai).
    expect(call.startDate.isDate).toBe(true);
    expect(call.startDate.toString()).toBe('2026-11-30');
    expect(call.summary).toBe('[A] 电话 Call · 徐州嘉华融通置业有限公司');
    const appt = byUid.get(`appointment-${id}@dossier`) as ICAL.Event;
    expect(appt.startDate.toJSDate().toISOString()).toBe('2026-11-26T06:30:00.000Z');
    const prom = byUid.get(`commitment-${promise.json.id}@dossier`) as ICAL.Event;
    expect(prom.summary).toContain('发送报价单');
    expect(prom.startDate.toJSDate().toISOString()).toBe('2026-11-24T02:00:00.000Z');
    const bday = byUid.get('birthday-1@dossier') as ICAL.Event;
    expect(bday.isRecurring()).toBe(true);
    expect(bday.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=YEARLY');
    const iter = bday.iterator();
    expect([iter.next(), iter.next(), iter.next()].map((d) => d?.toString())).toEqual([
      '1968-05-12',
      '1969-05-12',
      '1970-05-12',
    ]);

    // Overdue items sit on today, so they are not lost in the past; UIDs stay the same.
    t.setNow('2026-12-02T02:00:00.000Z');
    const later = new Map(events((await fetchFeed(t, feed.json.path)).text).map((e) => [e.uid, e]));
    expect(later.get(`call-${id}@dossier`)?.startDate.toString()).toBe('2026-12-02');
    expect(later.get(`call-${id}@dossier`)?.summary).toContain('overdue');
  });

  it('puts a lunar birthday on its solar day of each coming year, not on the lunar date read as a solar one', async () => {
    const t = makeTestApp('2026-12-07T01:00:00.000Z');
    await t.request('POST', '/api/customers', {
      name: '徐州某某置业有限公司',
      tier: 'A',
      people: [{ name: '张伟', birthday: '1975-11-08', birthdayLunar: true, keyPerson: true }],
    });
    const feed = await t.request('POST', '/api/calendar/feed');
    const list = events((await fetchFeed(t, feed.json.path)).text).filter((e) => e.summary.includes('张伟'));
    // 农历十一月初八: 16 December 2026, 5 December 2027, 23 December 2028 (after 2028's leap fifth month).
    expect(list.map((e) => [e.uid, e.startDate.toString(), e.isRecurring()])).toEqual([
      ['birthday-1-2026@dossier', '2026-12-16', false],
      ['birthday-1-2027@dossier', '2027-12-05', false],
      ['birthday-1-2028@dossier', '2028-12-23', false],
    ]);
    expect(list[0]?.summary).toBe('生日 Birthday · 张伟 (徐州某某置业有限公司) · 农历 冬月初八');
  });

  it('answers 404 for a revoked, rotated or unknown token, and never accepts the API token', async () => {
    const t = makeTestApp();
    const first = await t.request('POST', '/api/calendar/feed');
    expect((await fetchFeed(t, first.json.path)).status).toBe(200);
    const second = await t.request('POST', '/api/calendar/feed');
    expect((await fetchFeed(t, first.json.path)).status).toBe(404);
    expect((await fetchFeed(t, second.json.path)).status).toBe(200);
    expect((await t.request('DELETE', '/api/calendar/feed')).status).toBe(204);
    const revoked = await fetchFeed(t, second.json.path);
    expect(revoked.status).toBe(404);
    expect(JSON.parse(revoked.text).error.code).toBe('not_found');
    expect((await fetchFeed(t, '/calendar/test-token-0123456789.ics')).status).toBe(404);
    expect((await fetchFeed(t, '/calendar/nope')).status).toBe(404);
    // Managing feeds needs the API token.
    expect((await t.app.request('/api/calendar/feed', { method: 'POST' })).status).toBe(401);
  });

  it('shows a member only the files they can see', async () => {
    const t = makeTestApp();
    const mia = t.addUser('mia', 'member');
    await t.request('POST', '/api/customers', { name: '米娅的客户有限公司', tier: 'B', owner: 'mia' });
    await t.request('POST', '/api/customers', {
      name: '别人的客户有限公司',
      tier: 'A',
      owner: 'owner',
      people: [{ name: '孙三', birthday: '1970-01-01' }],
    });
    const feed = await t.request('POST', '/api/calendar/feed', undefined, mia.headers);
    const text = (await fetchFeed(t, feed.json.path)).text;
    expect(text).toContain('米娅的客户有限公司');
    expect(text).not.toContain('别人的客户');
    expect(text).not.toContain('孙三');
  });
});
