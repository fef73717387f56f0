import { describe, expect, it } from 'vitest';
import { isWorkday, localDate, localDayStart, onWorkday } from './days.ts';

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

describe('mainland working days in a year the published calendar does not yet cover', () => {
  // chinese-days lists the State Council's arrangement up to 2026; 2027 is computed by the law.
  it('has the statutory days off, lunar ones included, and weekends; nothing else', () => {
    const off = [
      '2027-01-01', // 元旦, a Friday
      '2027-02-05', // 除夕
      '2027-02-08', // 初三, a Monday
      '2027-04-05', // 清明
      '2027-05-03', // a Monday after 劳动节 (1–2 May, a weekend): not known to be off — a working day
      '2027-06-09', // 端午
      '2027-09-15', // 中秋
      '2027-10-01',
      '2027-10-04', // the Monday after 国庆 (1–3 October)
    ];
    expect(off.map((d) => isWorkday(d, 'mainland'))).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      true,
    ]);
    expect(isWorkday('2027-01-02', 'mainland')).toBe(false); // a Saturday
    expect(isWorkday('2027-02-09', 'mainland')).toBe(true);
    // A published year keeps its arrangement: Saturday 2026-02-14 was a make-up working day.
    expect(isWorkday('2026-02-14', 'mainland')).toBe(true);
  });

  it("moves a call due on New Year's Day or New Year's Eve back to the working day before", () => {
    const base = new Date('2026-12-25T02:00:00.000Z');
    expect(onWorkday(new Date('2027-01-01T02:00:00.000Z'), base, 'mainland', 'Asia/Shanghai').toISOString()).toBe(
      '2026-12-31T02:00:00.000Z',
    );
    expect(
      onWorkday(
        new Date('2027-02-05T02:00:00.000Z'),
        new Date('2027-01-29T02:00:00.000Z'),
        'mainland',
        'Asia/Shanghai',
      ).toISOString(),
    ).toBe('2027-02-04T02:00:00.000Z');
  });
});

describe('localDayStart: the first instant of a calendar day in a zone', () => {
  it.each([
    ['2026-12-10', 'Asia/Shanghai', 0, '2026-12-09T16:00:00.000Z'],
    ['2026-12-10', 'Asia/Shanghai', 1, '2026-12-10T16:00:00.000Z'],
    ['2026-12-10', 'America/New_York', 0, '2026-12-10T05:00:00.000Z'],
    // Thirteen hours ahead in New Zealand's summer, fourteen on Kiritimati: the same day, not the next.
    ['2026-12-10', 'Pacific/Auckland', 0, '2026-12-09T11:00:00.000Z'],
    ['2026-12-10', 'Pacific/Kiritimati', 0, '2026-12-09T10:00:00.000Z'],
  ])('%s in %s (+%i days) starts at %s', (ymd, zone, plus, expected) => {
    expect(localDayStart(ymd, zone, plus).toISOString()).toBe(expected);
  });
});
