import { describe, expect, it } from 'vitest';
import { idem, makeTestApp, type TestApp } from '../../test-utils.ts';

// Monday 23 November 2026, 10:00 in Shanghai. The appointment is "明天 15:30".
const MONDAY = '2026-11-23T02:00:00.000Z';
const TOMORROW_1530 = '2026-11-24T07:30:00.000Z';

async function withAppointment(t: TestApp) {
  const id = (
    await t.request('POST', '/api/customers', {
      name: '徐州嘉华融通置业有限公司',
      tier: 'A',
      website: 'https://www.xz-land.com.cn',
    })
  ).json.id as number;
  const fixed = await t.request('POST', '/api/interactions', {
    customerId: id,
    kind: 'call',
    summary: '约定明天下午面谈',
    appointment: TOMORROW_1530,
    idempotencyKey: idem(),
  });
  expect(fixed.status).toBe(201);
  return id;
}

const log = (t: TestApp, customerId: number, kind: string, extra: Record<string, unknown> = {}) =>
  t.request('POST', '/api/interactions', { customerId, kind, idempotencyKey: idem(), ...extra });

async function appointmentEverywhere(t: TestApp, id: number) {
  const file = (await t.request('GET', `/api/customers/${id}`)).json;
  const card = (await t.request('GET', '/api/context?url=https%3A%2F%2Fwww.xz-land.com.cn%2F')).json;
  expect(card.appointment).toBe(file.appointment);
  const board = (await t.request('GET', '/api/due?within=7d')).json;
  const onBoard = [...board.overdue, ...board.today, ...board.tomorrow, ...board.thisWeek].some(
    (i: { customerId: number; reason: string }) => i.customerId === id && i.reason === 'appointment',
  );
  return { file: file.appointment as string | null, onBoard };
}

describe('an appointment stands until it is met, moved or cancelled', () => {
  it.each(['email', 'sms', 'greeting', 'note'])('logging an %s keeps it on the file and the board', async (kind) => {
    const t = makeTestApp(MONDAY);
    const id = await withAppointment(t);
    t.setNow('2026-11-23T06:00:00.000Z');
    expect((await log(t, id, kind, { summary: '发了资料' })).status).toBe(201);
    expect(await appointmentEverywhere(t, id)).toEqual({ file: TOMORROW_1530, onBoard: true });
  });

  it('a call before its day does not meet it; a call on its day does', async () => {
    const t = makeTestApp(MONDAY);
    const id = await withAppointment(t);
    t.setNow('2026-11-23T08:00:00.000Z');
    await log(t, id, 'call', { summary: '确认时间' });
    expect((await appointmentEverywhere(t, id)).file).toBe(TOMORROW_1530);
    // Tuesday 09:00 in Shanghai: on the appointment's day, before its hour.
    t.setNow('2026-11-24T01:00:00.000Z');
    await log(t, id, 'visit');
    expect(await appointmentEverywhere(t, id)).toEqual({ file: null, onBoard: false });
  });

  it('a contact logged as its outcome meets it, whatever its kind or day', async () => {
    const t = makeTestApp(MONDAY);
    const id = await withAppointment(t);
    t.setNow('2026-11-23T09:00:00.000Z');
    await log(t, id, 'email', { meetsAppointment: true, summary: '改为邮件确认' });
    expect((await appointmentEverywhere(t, id)).file).toBeNull();
  });

  it('a later interaction fixing a new one moves it', async () => {
    const t = makeTestApp(MONDAY);
    const id = await withAppointment(t);
    t.setNow('2026-11-23T09:00:00.000Z');
    await log(t, id, 'email', { appointment: '2026-11-26T02:00:00.000Z' });
    expect((await appointmentEverywhere(t, id)).file).toBe('2026-11-26T02:00:00.000Z');
  });

  it('a missed appointment stays, overdue, on the board and the card', async () => {
    const t = makeTestApp(MONDAY);
    const id = await withAppointment(t);
    t.setNow('2026-11-25T02:00:00.000Z');
    await log(t, id, 'email');
    const board = (await t.request('GET', '/api/due?within=7d')).json;
    expect(board.overdue).toContainEqual(expect.objectContaining({ customerId: id, reason: 'appointment' }));
    const card = (await t.request('GET', '/api/context?url=https%3A%2F%2Fwww.xz-land.com.cn%2F')).json;
    expect(card).toMatchObject({ appointment: TOMORROW_1530, overdue: { appointment: true, any: true } });
  });

  it('is cancelled explicitly by its route, and only a standing one can be', async () => {
    const t = makeTestApp(MONDAY);
    const id = await withAppointment(t);
    const r = await t.request('DELETE', `/api/customers/${id}/appointment`);
    expect(r.status).toBe(204);
    expect(await appointmentEverywhere(t, id)).toEqual({ file: null, onBoard: false });
    const history = (await t.request('GET', `/api/customers/${id}/interactions`)).json.interactions;
    expect(history[0]).toMatchObject({ appointment: TOMORROW_1530, appointmentCancelledAt: MONDAY });
    const again = await t.request('DELETE', `/api/customers/${id}/appointment`);
    expect([again.status, again.json.error.code]).toEqual([404, 'not_found']);
  });

  it('stays in the calendar feed after an e-mail', async () => {
    const t = makeTestApp(MONDAY);
    const id = await withAppointment(t);
    const feed = (await t.request('POST', '/api/calendar/feed')).json.path as string;
    await log(t, id, 'email');
    const ics = await (await t.app.request(feed)).text();
    expect(ics).toContain(`appointment-${id}@dossier`);
  });
});

describe('a contact is never logged in the future', () => {
  it('refuses an `at` more than a few minutes ahead with 400 and writes nothing', async () => {
    const t = makeTestApp(MONDAY);
    const id = (await t.request('POST', '/api/customers', { name: 'Future Co', tier: 'B' })).json.id;
    const before = (await t.request('GET', `/api/customers/${id}`)).json;
    const r = await log(t, id, 'call', { at: '2027-01-01T00:00:00.000Z' });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid_request');
    expect(r.json.error.details).toEqual([expect.objectContaining({ path: 'at' })]);
    const after = (await t.request('GET', `/api/customers/${id}`)).json;
    expect(after.nextCallDue).toBe(before.nextCallDue);
    expect((await t.request('GET', `/api/customers/${id}/interactions`)).json.interactions).toEqual([]);
  });

  it('accepts a clock a little ahead (skew) and any time in the past', async () => {
    const t = makeTestApp(MONDAY);
    const id = (await t.request('POST', '/api/customers', { name: 'Skew Co', tier: 'B' })).json.id;
    expect((await log(t, id, 'call', { at: '2026-11-23T02:04:00.000Z' })).status).toBe(201);
    expect((await log(t, id, 'call', { at: '2026-10-01T02:00:00.000Z' })).status).toBe(201);
  });

  it('refuses an appointment fixed before the contact that fixes it, and writes nothing', async () => {
    const t = makeTestApp(MONDAY);
    const id = (await t.request('POST', '/api/customers', { name: 'Earlier Co', tier: 'B' })).json.id;
    const before = (await t.request('GET', `/api/customers/${id}`)).json;
    // Logged now (Monday 10:00) with a meeting "fixed" for the Sunday before: a slip of the date picker.
    const r = await log(t, id, 'visit', { appointment: '2026-11-22T07:30:00.000Z' });
    expect(r.status).toBe(400);
    expect(r.json.error.details).toEqual([expect.objectContaining({ path: 'appointment' })]);
    // A contact logged late (last Friday) may fix a meeting between then and now: it is after that contact.
    expect(
      (await log(t, id, 'call', { at: '2026-11-20T02:00:00.000Z', appointment: '2026-11-22T07:30:00.000Z' })).status,
    ).toBe(201);
    // Fixed for the contact's own minute (a form's minutes against the clock's seconds): accepted.
    t.setNow('2026-11-23T02:00:30.000Z');
    expect((await log(t, id, 'call', { appointment: '2026-11-23T02:00:00.000Z' })).status).toBe(201);
    const interactions = (await t.request('GET', `/api/customers/${id}/interactions`)).json.interactions;
    expect(interactions).toHaveLength(2);
    expect(before.appointment).toBeNull();
  });
});
