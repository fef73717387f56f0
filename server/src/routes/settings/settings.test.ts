import { DEFAULT_SETTINGS } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { idem, makeTestApp } from '../../test-utils.ts';

describe('settings', () => {
  it('starts with the seed cadence', async () => {
    const t = makeTestApp();
    expect((await t.request('GET', '/api/settings')).json).toEqual(DEFAULT_SETTINGS);
  });

  it('a new cadence moves every customer of that tier at once', async () => {
    const t = makeTestApp('2026-11-01T00:00:00.000Z');
    const a = (await t.request('POST', '/api/customers', { name: 'A co', tier: 'A' })).json.id;
    const b = (await t.request('POST', '/api/customers', { name: 'B co', tier: 'B' })).json.id;
    t.setNow('2026-11-03T00:00:00.000Z');
    await t.request('POST', '/api/interactions', { customerId: a, kind: 'call', idempotencyKey: idem() });
    await t.request('POST', '/api/interactions', { customerId: b, kind: 'call', idempotencyKey: idem() });
    const r = await t.request('PUT', '/api/settings', { cadence: { A: { callDays: 3 } } });
    expect(r.status).toBe(200);
    expect(r.json.cadence.A).toEqual({ callDays: 3, visitDays: 60 });
    const ca = (await t.request('GET', `/api/customers/${a}`)).json;
    expect(ca.nextCallDue).toBe('2026-11-06T00:00:00.000Z');
    expect(ca.nextDue).toBe('2026-11-06T00:00:00.000Z');
    expect((await t.request('GET', `/api/customers/${b}`)).json.nextCallDue).toBe('2026-11-10T00:00:00.000Z');
  });

  it('the first-call rule and the working week are settings applied to every file at once', async () => {
    // Friday 4 December 2026, 10:00 in Shanghai.
    const t = makeTestApp('2026-12-04T02:00:00.000Z');
    const fresh = (await t.request('POST', '/api/customers', { name: 'Fresh', tier: 'C' })).json;
    expect(fresh.nextCallDue).toBe('2026-12-04T15:59:59.999Z');
    // Called on Monday 30 November with a 6-day cadence: due Sunday 6 December → Friday the 4th.
    const called = (await t.request('POST', '/api/customers', { name: 'Called', tier: 'A' })).json.id;
    await t.request('POST', '/api/interactions', {
      customerId: called,
      kind: 'call',
      at: '2026-11-30T02:00:00.000Z',
      idempotencyKey: idem(),
    });
    await t.request('PUT', '/api/settings', { cadence: { A: { callDays: 6 } } });
    expect((await t.request('GET', `/api/customers/${called}`)).json.nextCallDue).toBe('2026-12-04T02:00:00.000Z');
    const r = await t.request('PUT', '/api/settings', { firstCallDays: 3, workdays: 'none' });
    expect(r.json).toMatchObject({ firstCallDays: 3, workdays: 'none' });
    // Three days after Friday is Monday the 7th; with every day a working day the Sunday due stands.
    expect((await t.request('GET', `/api/customers/${fresh.id}`)).json.nextCallDue).toBe('2026-12-07T15:59:59.999Z');
    expect((await t.request('GET', `/api/customers/${called}`)).json.nextCallDue).toBe('2026-12-06T02:00:00.000Z');
    expect((await t.request('PUT', '/api/settings', { workdays: 'moon' })).status).toBe(400);
    expect((await t.request('PUT', '/api/settings', { firstCallDays: -1 })).status).toBe(400);
  });

  it('rejects impossible cadences and unknown time zones', async () => {
    const t = makeTestApp();
    expect((await t.request('PUT', '/api/settings', { cadence: { A: { callDays: 0 } } })).status).toBe(400);
    expect((await t.request('PUT', '/api/settings', { timeZone: 'Mars/Olympus' })).status).toBe(400);
    expect((await t.request('GET', '/api/settings')).json).toEqual(DEFAULT_SETTINGS);
  });
});
