import { describe, expect, it } from 'vitest';
import { currentMonth, dayColumns, lastCompleteMonth, markTitle, shiftMonth } from './month.ts';

describe('contact sheet month', () => {
  it("names the month in the user's zone", () => {
    // 2026-11-30 20:00 UTC is already December 1st in Shanghai.
    const t = new Date('2026-11-30T20:00:00Z');
    expect(currentMonth(t, 'Asia/Shanghai')).toBe('2026-12');
    expect(currentMonth(t, 'UTC')).toBe('2026-11');
  });

  it('reclassification opens on the last complete month (issue 12, point 3)', () => {
    // 6 December: November is the last month that is over.
    expect(lastCompleteMonth(new Date('2026-12-06T02:00:00Z'), 'Asia/Shanghai')).toBe('2026-11');
    // 1 January 00:30 in Shanghai: December is over, across the year.
    expect(lastCompleteMonth(new Date('2026-12-31T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-12');
    expect(lastCompleteMonth(new Date('2026-12-31T16:30:00Z'), 'UTC')).toBe('2026-11');
  });

  it('steps across years', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-11', 0)).toBe('2026-11');
  });

  it('has one column per day with weekends marked', () => {
    const cols = dayColumns('2026-11', 30);
    expect(cols).toHaveLength(30);
    // 1 November 2026 is a Sunday.
    expect(cols[0]).toEqual({ day: 1, weekday: 0, weekend: true });
    expect(cols[1]).toEqual({ day: 2, weekday: 1, weekend: false });
    expect(cols.filter((c) => c.weekend).map((c) => c.day)).toEqual([1, 7, 8, 14, 15, 21, 22, 28, 29]);
  });

  it('words the tooltip of a mark: kind and summary of each contact', () => {
    const kinds: Record<string, string> = { call: 'Call', visit: 'Visit' };
    expect(
      markTitle(
        [
          { kind: 'call', summary: 'Asked for the revised quote.' },
          { kind: 'visit', summary: null },
        ],
        (k) => kinds[k] ?? k,
      ),
    ).toBe('Call: Asked for the revised quote.\nVisit');
  });
});
