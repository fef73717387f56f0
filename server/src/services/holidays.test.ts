import { describe, expect, it } from 'vitest';
import { holidaysBetween, holidaysOf } from './holidays.ts';

describe('holidays', () => {
  it.each([
    // Published dates of the lunar festivals.
    [2026, 'spring_festival', '2026-02-17'],
    [2026, 'spring_festival_eve', '2026-02-16'],
    [2026, 'mid_autumn', '2026-09-25'],
    [2026, 'dragon_boat', '2026-06-19'],
    [2027, 'spring_festival', '2027-02-06'],
    [2027, 'mid_autumn', '2027-09-15'],
    [2025, 'mid_autumn', '2025-10-06'],
    [2028, 'spring_festival', '2028-01-26'],
    [2028, 'dragon_boat', '2028-05-28'],
    [2028, 'mid_autumn', '2028-10-03'],
    [2029, 'spring_festival', '2029-02-13'],
    [2029, 'dragon_boat', '2029-06-16'],
    [2029, 'mid_autumn', '2029-09-22'],
    [2030, 'spring_festival', '2030-02-03'],
    [2030, 'spring_festival_eve', '2030-02-02'],
    [2030, 'dragon_boat', '2030-06-05'],
    [2030, 'mid_autumn', '2030-09-12'],
    [2026, 'thanksgiving', '2026-11-26'],
    [2025, 'thanksgiving', '2025-11-27'],
  ])('%i %s is %s', (year, key, date) => {
    expect(holidaysOf(year).find((h) => h.key === key)?.date).toBe(date);
  });

  it('lists the occasions in a window across the year end', () => {
    expect(holidaysBetween('2026-12-20', '2027-01-05').map((h) => h.key)).toEqual(['christmas', 'new_year']);
  });
});
