import { describe, expect, it } from 'vitest';
import { idem, makeTestApp, type TestApp } from '../../test-utils.ts';

const log = (t: TestApp, customerId: number, kind: string, at: string, intention?: string) =>
  t.request('POST', '/api/interactions', { customerId, kind, at, intention, idempotencyKey: idem() });

describe('monthly reclassification', () => {
  it('proposes up for high intention and kept cadence, down for a silent month, with reasons', async () => {
    const t = makeTestApp('2026-10-01T00:00:00.000Z');
    const mk = async (name: string, tier: string) =>
      (await t.request('POST', '/api/customers', { name, tier })).json.id as number;
    const keen = await mk('Keen C', 'C');
    const silent = await mk('Silent A', 'A');
    const steady = await mk('Steady B', 'B');
    t.setNow('2026-12-01T00:00:00.000Z');
    for (const d of ['03', '15']) await log(t, keen, 'call', `2026-11-${d}T02:00:00.000Z`, 'high');
    for (const d of ['02', '09', '16', '23']) await log(t, steady, 'call', `2026-11-${d}T02:00:00.000Z`, 'medium');
    const r = await t.request('GET', '/api/reclassification?month=2026-11');
    expect(r.status).toBe(200);
    const byId = new Map(r.json.proposals.map((p: { customerId: number }) => [p.customerId, p]));
    expect(byId.get(keen)).toMatchObject({
      from: 'C',
      to: 'B',
      reasons: [
        { code: 'intention_high', count: 2 },
        { code: 'calls_met_cadence', count: 2, expected: 2 },
      ],
    });
    expect(byId.get(silent)).toMatchObject({ from: 'A', to: 'B', reasons: [{ code: 'silent_month' }] });
    // Four calls for a weekly B with medium intention: no change proposed.
    expect(byId.has(steady)).toBe(false);
    expect(r.json.distribution).toEqual([
      { tier: 'A', count: 1, share: 1 / 3, guide: 0.2 },
      { tier: 'B', count: 1, share: 1 / 3, guide: 0.4 },
      { tier: 'C', count: 1, share: 1 / 3, guide: 0.4 },
    ]);
  });

  it('accepting writes the tier and its reason into the tier history; decided customers are not proposed again', async () => {
    const t = makeTestApp('2026-10-01T00:00:00.000Z');
    const a = (await t.request('POST', '/api/customers', { name: 'Silent A', tier: 'A' })).json.id;
    const b = (await t.request('POST', '/api/customers', { name: 'Silent B', tier: 'B' })).json.id;
    t.setNow('2026-12-01T00:00:00.000Z');
    const d = await t.request('POST', '/api/reclassification/decisions', {
      month: '2026-11',
      decisions: [
        { customerId: a, accept: true },
        { customerId: b, accept: false },
      ],
    });
    expect(d.json).toEqual({ accepted: 1, rejected: 1 });
    expect((await t.request('GET', `/api/customers/${a}`)).json.tier).toBe('B');
    expect((await t.request('GET', `/api/customers/${b}`)).json.tier).toBe('B');
    const history = await t.sql(
      'select from_tier, to_tier, reason from tier_changes where customer_id = ? order by id',
      a,
    );
    expect(history).toEqual([
      { from_tier: null, to_tier: 'A', reason: 'created' },
      { from_tier: 'A', to_tier: 'B', reason: 'reclassification 2026-11: silent_month' },
    ]);
    expect((await t.request('GET', '/api/reclassification?month=2026-11')).json.proposals).toEqual([]);
    const again = await t.request('POST', '/api/reclassification/decisions', {
      month: '2026-11',
      decisions: [{ customerId: a, accept: true }],
    });
    expect(again.status).toBe(409);
  });

  it('judges the unfinished month only as far as it has gone: no demotion for calls not yet due', async () => {
    const t = makeTestApp('2026-10-01T00:00:00.000Z');
    const mk = async (name: string) => (await t.request('POST', '/api/customers', { name, tier: 'A' })).json.id;
    const recent = await mk('Called on the 30th');
    const late = await mk('Last called on the 20th');
    t.setNow('2026-11-30T08:00:00.000Z');
    await log(t, recent, 'call', '2026-11-30T08:00:00.000Z');
    await log(t, late, 'call', '2026-11-20T08:00:00.000Z');
    // Sunday 6 December, 10:00 in Shanghai.
    t.setNow('2026-12-06T02:00:00.000Z');
    const r = (await t.request('GET', '/api/reclassification?month=2026-12')).json;
    expect(r).toMatchObject({ month: '2026-12', partial: true, through: '2026-12-06T02:00:00.000Z' });
    const byId = new Map(r.proposals.map((p: { customerId: number }) => [p.customerId, p]));
    // Due 7 December: nothing was owed yet.
    expect(byId.has(recent)).toBe(false);
    // Due 27 November and again 4 December, with no contact since: that much is owed already.
    expect(byId.get(late)).toMatchObject({ from: 'A', to: 'B', reasons: [{ code: 'silent_month', expected: 1 }] });
  });

  it('does not judge a file on a month it was opened in: silence counts from its first whole month', async () => {
    const t = makeTestApp('2026-10-31T15:00:00.000Z');
    const old = (await t.request('POST', '/api/customers', { name: 'On file since October', tier: 'A' })).json.id;
    // Opened on Saturday 5 December, its first call due that day and not made.
    t.setNow('2026-12-05T02:00:00.000Z');
    const fresh = (await t.request('POST', '/api/customers', { name: 'Opened yesterday', tier: 'A' })).json.id;
    t.setNow('2026-12-06T02:00:00.000Z');
    const december = (await t.request('GET', '/api/reclassification?month=2026-12')).json;
    const ids = december.proposals.map((p: { customerId: number }) => p.customerId);
    expect(ids).toContain(old);
    expect(ids).not.toContain(fresh);
    // Its first whole month does count: silent all January, it is proposed down.
    t.setNow('2027-02-01T02:00:00.000Z');
    const january = (await t.request('GET', '/api/reclassification?month=2027-01')).json;
    expect(january.proposals).toContainEqual(
      expect.objectContaining({
        customerId: fresh,
        from: 'A',
        to: 'B',
        reasons: [expect.objectContaining({ code: 'silent_month' })],
      }),
    );
  });

  it('does not judge a file brought back from lost on the month it was reopened in', async () => {
    const t = makeTestApp('2026-09-01T02:00:00.000Z');
    const id = (await t.request('POST', '/api/customers', { name: '旧客户', tier: 'A' })).json.id;
    await log(t, id, 'call', '2026-09-01T02:00:00.000Z');
    await t.request('PATCH', `/api/customers/${id}`, { status: 'lost', lostReasonCode: 'price' });
    t.setNow('2026-12-05T02:00:00.000Z');
    expect((await t.request('POST', `/api/customers/${id}/reopen`)).status).toBe(200);
    t.setNow('2026-12-06T02:00:00.000Z');
    const december = (await t.request('GET', '/api/reclassification?month=2026-12')).json;
    expect(december.proposals.map((p: { customerId: number }) => p.customerId)).not.toContain(id);
  });

  it('opens on the last complete month when none is asked for, and that month is not partial', async () => {
    const t = makeTestApp('2026-12-06T02:00:00.000Z');
    expect((await t.request('GET', '/api/reclassification')).json).toMatchObject({
      month: '2026-11',
      partial: false,
      through: '2026-11-30T16:00:00.000Z',
    });
    t.setNow('2027-01-01T02:00:00.000Z');
    expect((await t.request('GET', '/api/reclassification')).json.month).toBe('2026-12');
  });

  it('credits signing to the month the file was signed: a later edit changes no past month and signs nothing', async () => {
    const t = makeTestApp('2026-09-01T02:00:00.000Z');
    const mk = async (name: string) => (await t.request('POST', '/api/customers', { name, tier: 'B' })).json.id;
    const [edited, untouched] = [await mk('签约后又改地址'), await mk('签约后未改')];
    // Both signed in September; five weekly calls each in November.
    for (const id of [edited, untouched]) await t.request('PATCH', `/api/customers/${id}`, { status: 'signed' });
    for (const d of ['02', '09', '16', '23', '30']) {
      t.setNow(`2026-11-${d}T02:00:00.000Z`);
      for (const id of [edited, untouched]) await log(t, id, 'call', `2026-11-${d}T02:00:00.000Z`, 'medium');
      if (d === '16') await t.request('PATCH', `/api/customers/${edited}`, { notes: '合同已归档' });
    }
    t.setNow('2026-12-08T02:00:00.000Z');
    const november = async () => (await t.request('GET', '/api/reclassification?month=2026-11')).json.proposals;
    // Calls kept alone (+1) do not raise a tier; an edit is not a signing.
    expect(await november()).toEqual([]);
    await t.request('PATCH', `/api/customers/${edited}`, { address: '合肥市长丰县' });
    expect(await november()).toEqual([]);
    // Silent so far in December (a weekly call owed since the 7th): both are proposed down alike.
    const december = (await t.request('GET', '/api/reclassification?month=2026-12')).json.proposals;
    expect(december.map((p: { customerId: number }) => p.customerId).sort()).toEqual([edited, untouched].sort());
    // Taken back and signed again in December, it is credited in December; September keeps the
    // signing that stands, the one a later address edit did not move.
    t.setNow('2026-12-07T02:00:00.000Z');
    await t.request('PATCH', `/api/customers/${untouched}`, { status: 'active' });
    await t.request('PATCH', `/api/customers/${untouched}`, { status: 'signed' });
    t.setNow('2026-12-08T02:00:00.000Z');
    const after = (await t.request('GET', '/api/reclassification?month=2026-12')).json.proposals;
    expect(after.map((p: { customerId: number }) => p.customerId)).toEqual([edited]);
    t.setNow('2026-10-01T02:00:00.000Z');
    const september = (await t.request('GET', '/api/reclassification?month=2026-09')).json.proposals;
    expect(september).toMatchObject([{ customerId: edited, reasons: [{ code: 'signed' }] }]);
  });

  it('takes a signing back when the status is, and credits winning land to the month the file won it', async () => {
    const t = makeTestApp('2026-10-31T16:00:00.000Z');
    const id = (await t.request('POST', '/api/customers', { name: '误点签约', tier: 'B' })).json.id;
    t.setNow('2026-11-03T02:00:00.000Z');
    await t.request('PATCH', `/api/customers/${id}`, { status: 'signed' });
    await t.request('PATCH', `/api/customers/${id}`, { status: 'active' });
    const won = (await t.request('POST', '/api/customers', { name: '竞得土地', tier: 'C' })).json.id;
    // Won land and was visited (+1 each): one tier up.
    await t.request('PATCH', `/api/customers/${won}`, { stage: 'land_won' });
    await log(t, won, 'visit', '2026-11-03T02:00:00.000Z');
    t.setNow('2026-12-02T02:00:00.000Z');
    await t.request('PATCH', `/api/customers/${won}`, { stage: 'contacted' });
    const november = (await t.request('GET', '/api/reclassification?month=2026-11')).json.proposals;
    const codes = new Map(
      november.map((p: { customerId: number; reasons: { code: string }[] }) => [
        p.customerId,
        p.reasons.map((r) => r.code),
      ]),
    );
    expect(codes.has(id) && codes.get(id)).not.toContain('signed');
    expect(codes.get(won)).toContain('land_won');
    const december = (await t.request('GET', '/api/reclassification?month=2026-12')).json.proposals;
    expect(december.flatMap((p: { reasons: { code: string }[] }) => p.reasons.map((r) => r.code))).not.toContain(
      'land_won',
    );
  });

  it('rejects a malformed month', async () => {
    const t = makeTestApp();
    expect((await t.request('GET', '/api/reclassification?month=2026-13')).status).toBe(400);
  });
});
