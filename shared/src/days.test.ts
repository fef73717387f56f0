import { describe, expect, it } from 'vitest';
import { localDate } from './days.ts';

describe('local days in any zone', () => {
  it('agree with Intl at every hour across DST changes, half-hour zones and an old local mean time', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    const starts = [Date.UTC(2026, 2, 1), Date.UTC(2026, 9, 1), Date.UTC(1900, 11, 31, 12)];
    for (const timeZone of zones) {
      const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      for (const start of starts) {
        for (let h = 0; h < 24 * 40; h += 1) {
          for (const m of [0, 14, 29, 31, 59]) {
            const at = new Date(start + h * 3_600_000 + m * 60_000);
            expect(localDate(at, timeZone)).toBe(f.format(at));
          }
        }
      }
    }
  });
});
