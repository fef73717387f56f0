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
    const r = await t.request('PUT', '/api/settings', { cadence: { A: { callDays: 3 } } });
    expect(r.status).toBe(200);
    expect(r.json.cadence.A).toEqual({ callDays: 3, visitDays: 60 });
    const ca = (await t.request('GET', `/api/customers/${a}`)).json;
    expect(ca.nextCallDue).toBe('2026-11-06T00:00:00.000Z');
    expect(ca.nextDue).toBe('2026-11-06T00:00:00.000Z');
    expect((await t.request('GET', `/api/customers/${b}`)).json.nextCallDue).toBe('2026-11-08T00:00:00.000Z');
  });

  it('rejects impossible cadences and unknown time zones', async () => {
    const t = makeTestApp();
    expect((await t.request('PUT', '/api/settings', { cadence: { A: { callDays: 0 } } })).status).toBe(400);
    expect((await t.request('PUT', '/api/settings', { timeZone: 'Mars/Olympus' })).status).toBe(400);
    expect((await t.request('GET', '/api/settings')).json).toEqual(DEFAULT_SETTINGS);
  });
});
