import { describe, expect, it } from 'vitest';
import { addDays, daysUntil, nextDue } from './cadence.ts';
import { DEFAULT_SETTINGS } from './schemas/settings.ts';

const created = '2026-01-01T00:00:00.000Z';
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('nextDue follows the seed cadence per tier', () => {
  it.each([
    // tier, call days, visit days (seed 000: A weekly/2 months, B weekly/3 months, C fortnightly/4 months)
    ['A', 7, 60],
    ['B', 7, 90],
    ['C', 14, 120],
  ] as const)('tier %s: call every %i days, visit every %i days', (tier, callDays, visitDays) => {
    const r = nextDue({ tier, createdAt: created }, null, null, null, DEFAULT_SETTINGS, created);
    expect(iso(r.nextCallDue)).toBe(addDays(created, callDays).toISOString());
    expect(iso(r.nextVisitDue)).toBe(addDays(created, visitDays).toISOString());
    expect(iso(r.nextDue)).toBe(iso(r.nextCallDue));
    expect(r.overdue.any).toBe(false);
  });

  it('counts from the last call and last visit, not from creation', () => {
    const lastCall = '2026-03-01T09:00:00.000Z';
    const lastVisit = '2026-02-01T09:00:00.000Z';
    const r = nextDue({ tier: 'B', createdAt: created }, lastCall, lastVisit, null, DEFAULT_SETTINGS, lastCall);
    expect(iso(r.nextCallDue)).toBe('2026-03-08T09:00:00.000Z');
    expect(iso(r.nextVisitDue)).toBe('2026-05-02T09:00:00.000Z');
  });

  it('an appointment earlier than the cadence becomes next due', () => {
    const r = nextDue(
      { tier: 'C', createdAt: created },
      created,
      created,
      '2026-01-03T02:00:00.000Z',
      DEFAULT_SETTINGS,
      created,
    );
    expect(iso(r.nextDue)).toBe('2026-01-03T02:00:00.000Z');
    expect(iso(r.appointment)).toBe('2026-01-03T02:00:00.000Z');
  });

  it('flags overdue call, visit and appointment separately', () => {
    const now = '2026-01-10T00:00:00.000Z';
    const r = nextDue({ tier: 'A', createdAt: created }, null, null, '2026-01-09T00:00:00.000Z', DEFAULT_SETTINGS, now);
    expect(r.overdue).toEqual({ call: true, visit: false, appointment: true, any: true });
  });

  it('uses configured cadences instead of the defaults', () => {
    const settings = { cadence: { ...DEFAULT_SETTINGS.cadence, A: { callDays: 3, visitDays: 30 } } };
    const r = nextDue({ tier: 'A', createdAt: created }, null, null, null, settings, created);
    expect(iso(r.nextCallDue)).toBe('2026-01-04T00:00:00.000Z');
    expect(iso(r.nextVisitDue)).toBe('2026-01-31T00:00:00.000Z');
  });

  it('is due exactly at the boundary, overdue only after it', () => {
    const due = addDays(created, 7);
    expect(nextDue({ tier: 'A', createdAt: created }, null, null, null, DEFAULT_SETTINGS, due).overdue.call).toBe(
      false,
    );
    expect(
      nextDue({ tier: 'A', createdAt: created }, null, null, null, DEFAULT_SETTINGS, due.getTime() + 1).overdue.call,
    ).toBe(true);
  });
});

describe('daysUntil', () => {
  it('counts calendar days in the given zone', () => {
    // 23:30 UTC on the 1st is already the 2nd in Shanghai
    expect(daysUntil('2026-01-03T01:00:00Z', '2026-01-01T23:30:00Z', 'Asia/Shanghai')).toBe(1);
    expect(daysUntil('2026-01-03T01:00:00Z', '2026-01-01T23:30:00Z', 'UTC')).toBe(2);
    expect(daysUntil('2026-01-01T00:00:00Z', '2026-01-03T00:00:00Z', 'UTC')).toBe(-2);
  });
});
