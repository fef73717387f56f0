import { describe, expect, it } from 'vitest';
import { addDays, daysUntil, meetsAppointment, nextDue, statusAfterContact } from './cadence.ts';
import { DEFAULT_SETTINGS, type Settings } from './schemas/settings.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const plain: Settings = { ...DEFAULT_SETTINGS, workdays: 'none' };
// Monday 5 January 2026, 10:00 in Shanghai.
const created = '2026-01-05T02:00:00.000Z';

describe('nextDue follows the seed cadence per tier', () => {
  it.each([
    // tier, call days, visit days (seed 000: A weekly/2 months, B weekly/3 months, C fortnightly/4 months)
    ['A', 7, 60],
    ['B', 7, 90],
    ['C', 14, 120],
  ] as const)('tier %s: call every %i days, visit every %i days after the last one', (tier, callDays, visitDays) => {
    const last = '2026-03-02T01:00:00.000Z';
    const r = nextDue({ tier, createdAt: created }, last, last, null, plain, last);
    expect(iso(r.nextCallDue)).toBe(addDays(last, callDays).toISOString());
    expect(iso(r.nextVisitDue)).toBe(addDays(last, visitDays).toISOString());
    expect(r.overdue.any).toBe(false);
  });

  it('a file nobody has called yet is due for its first call by the end of the day it was opened', () => {
    const r = nextDue({ tier: 'C', createdAt: created }, null, null, null, DEFAULT_SETTINGS, created);
    expect(iso(r.nextCallDue)).toBe('2026-01-05T15:59:59.999Z');
    // 120 days later is 5 May, inside the Labour Day holiday: the visit falls due on 30 April.
    expect(iso(r.nextVisitDue)).toBe('2026-04-30T02:00:00.000Z');
    expect(r.overdue.call).toBe(false);
    expect(
      nextDue({ tier: 'C', createdAt: created }, null, null, null, DEFAULT_SETTINGS, '2026-01-05T16:00:00.000Z').overdue
        .call,
    ).toBe(true);
  });

  it('the first call waits firstCallDays when the setting asks for it, for every tier alike', () => {
    for (const tier of ['A', 'B', 'C'] as const) {
      const r = nextDue({ tier, createdAt: created }, null, null, null, { ...plain, firstCallDays: 3 }, created);
      expect(iso(r.nextCallDue)).toBe('2026-01-08T15:59:59.999Z');
    }
  });

  it('an appointment earlier than the cadence becomes next due', () => {
    const r = nextDue({ tier: 'C', createdAt: created }, created, created, '2026-01-07T02:00:00.000Z', plain, created);
    expect(iso(r.nextDue)).toBe('2026-01-07T02:00:00.000Z');
    expect(iso(r.appointment)).toBe('2026-01-07T02:00:00.000Z');
  });

  it('flags overdue call, visit and appointment separately', () => {
    const now = '2026-01-20T00:00:00.000Z';
    const r = nextDue({ tier: 'A', createdAt: created }, created, created, '2026-01-09T00:00:00.000Z', plain, now);
    expect(r.overdue).toEqual({ call: true, visit: false, appointment: true, any: true });
  });

  it('is due exactly at the boundary, overdue only after it', () => {
    const due = addDays(created, 7);
    const at = (now: number | Date) => nextDue({ tier: 'A', createdAt: created }, created, null, null, plain, now);
    expect(at(due).overdue.call).toBe(false);
    expect(at(due.getTime() + 1).overdue.call).toBe(true);
  });
});

describe('due dates on days off move to the previous working day', () => {
  const calledAt = (last: string, settings: Settings, callDays = 7) =>
    iso(
      nextDue(
        { tier: 'A', createdAt: created },
        last,
        null,
        null,
        { ...settings, cadence: { ...settings.cadence, A: { callDays, visitDays: 60 } } },
        last,
      ).nextCallDue,
    );

  it('a Sunday becomes the Friday before, keeping the time of day', () => {
    // Monday 30 November 2026 09:00 Shanghai + 6 days = Sunday 6 December.
    expect(calledAt('2026-11-30T01:00:00.000Z', DEFAULT_SETTINGS, 6)).toBe('2026-12-04T01:00:00.000Z');
    expect(calledAt('2026-11-30T01:00:00.000Z', { ...DEFAULT_SETTINGS, workdays: 'weekends' }, 6)).toBe(
      '2026-12-04T01:00:00.000Z',
    );
    expect(calledAt('2026-11-30T01:00:00.000Z', plain, 6)).toBe('2026-12-06T01:00:00.000Z');
  });

  it('National Day (国庆) moves the call before the holiday', () => {
    // Thursday 24 September 2026 + 7 = 1 October: the holiday runs to the 7th, 30 September is a working day.
    expect(calledAt('2026-09-24T01:00:00.000Z', DEFAULT_SETTINGS)).toBe('2026-09-30T01:00:00.000Z');
  });

  it('a make-up working Saturday (调休) stays on the mainland calendar but not with plain weekends', () => {
    // Saturday 10 October 2026 is worked to make up for the National Day holiday.
    expect(calledAt('2026-10-03T01:00:00.000Z', DEFAULT_SETTINGS)).toBe('2026-10-10T01:00:00.000Z');
    expect(calledAt('2026-10-03T01:00:00.000Z', { ...DEFAULT_SETTINGS, workdays: 'weekends' })).toBe(
      '2026-10-09T01:00:00.000Z',
    );
  });

  it('never moves back onto the day of the contact it counts from', () => {
    // Called on 1 October (a holiday) with a 2-day cadence: 2 October is also off, so the 3rd stands.
    expect(calledAt('2026-10-01T01:00:00.000Z', DEFAULT_SETTINGS, 2)).toBe('2026-10-03T01:00:00.000Z');
  });

  it('an appointment is an agreement and is never moved', () => {
    const sunday = '2026-12-06T07:00:00.000Z';
    const r = nextDue({ tier: 'A', createdAt: created }, created, null, sunday, DEFAULT_SETTINGS, created);
    expect(iso(r.appointment)).toBe(sunday);
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

describe('a file brought back from lost', () => {
  const settings = { ...DEFAULT_SETTINGS, workdays: 'none' as const };
  it('counts its cadence from the day it was reopened, as a new file from its opening', () => {
    // Opened in March, last called 2 March and visited 3 March, lost, reopened Monday 7 December 10:00 Shanghai.
    const file = { tier: 'A' as const, createdAt: '2026-03-01T02:00:00.000Z', reopenedAt: '2026-12-07T02:00:00.000Z' };
    const r = nextDue(file, '2026-03-02T02:00:00.000Z', '2026-03-03T02:00:00.000Z', null, settings, file.reopenedAt);
    // First call by the end of that day; first visit the tier's visit days on.
    expect(r.nextCallDue.toISOString()).toBe('2026-12-07T15:59:59.999Z');
    expect(r.nextVisitDue.toISOString()).toBe(addDays(file.reopenedAt, 60).toISOString());
    expect(r.overdue.any).toBe(false);
    // A call after the reopening counts as any other.
    const called = nextDue(file, '2026-12-08T02:00:00.000Z', null, null, settings, file.reopenedAt);
    expect(called.nextCallDue.toISOString()).toBe(addDays('2026-12-08T02:00:00.000Z', 7).toISOString());
  });

  it("keeps a contact made before a file was opened (an import's last contact)", () => {
    const file = { tier: 'B' as const, createdAt: '2026-12-07T02:00:00.000Z' };
    const r = nextDue(file, '2026-12-01T02:00:00.000Z', null, null, settings);
    expect(r.nextCallDue.toISOString()).toBe(addDays('2026-12-01T02:00:00.000Z', 7).toISOString());
  });
});

describe('statusAfterContact', () => {
  const t1 = '2026-12-07T02:00:00.000Z';
  const prospect = { status: 'prospect', byContact: false } as const;
  const worked = { status: 'active', byContact: true } as const;
  const byHand = { status: 'active', byContact: false } as const;
  it('a prospect spoken to is active; the conversation that made it so undone, a prospect again', () => {
    expect(statusAfterContact(prospect, 'spoken', t1)).toEqual(worked);
    expect(statusAfterContact(worked, 'undone', null)).toEqual(prospect);
  });
  it('undoing an entry while a conversation stands moves nothing', () => {
    expect(statusAfterContact(worked, 'undone', t1)).toEqual(worked);
  });
  it('a file the user made active stays active when a call logged by mistake is undone', () => {
    expect(statusAfterContact(byHand, 'spoken', t1)).toEqual(byHand);
    expect(statusAfterContact(byHand, 'undone', null)).toEqual(byHand);
  });
  it('leaves signed and lost to the user', () => {
    for (const status of ['signed', 'lost'] as const) {
      expect(statusAfterContact({ status, byContact: false }, 'spoken', t1).status).toBe(status);
      expect(statusAfterContact({ status, byContact: true }, 'undone', null).status).toBe(status);
    }
  });
});

describe('meetsAppointment', () => {
  const fixer = { at: '2026-12-01T02:00:00.000Z', appointment: '2026-12-04T02:00:00.000Z' };
  it('is a call, visit or meeting after the contact that fixed it, on or after its day in the zone', () => {
    // 4 December begins at 2026-12-03T16:00Z in Shanghai.
    expect(meetsAppointment({ kind: 'call', at: '2026-12-03T16:00:00.000Z' }, fixer, 'Asia/Shanghai')).toBe(true);
    expect(meetsAppointment({ kind: 'visit', at: '2026-12-05T15:59:59.999Z' }, fixer, 'Asia/Shanghai')).toBe(true);
    expect(meetsAppointment({ kind: 'call', at: '2026-12-03T15:59:00.000Z' }, fixer, 'Asia/Shanghai')).toBe(false);
    expect(meetsAppointment({ kind: 'email', at: '2026-12-05T02:00:00.000Z' }, fixer, 'Asia/Shanghai')).toBe(false);
  });
});
