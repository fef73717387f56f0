/// <reference path="../types/lunar-javascript.d.ts" />
import { Lunar } from 'lunar-javascript';

export type HolidayKey =
  | 'new_year'
  | 'spring_festival_eve'
  | 'spring_festival'
  | 'lantern'
  | 'labour_day'
  | 'dragon_boat'
  | 'mid_autumn'
  | 'double_ninth'
  | 'national_day'
  | 'thanksgiving'
  | 'christmas';

export interface Holiday {
  key: HolidayKey;
  date: string;
  zh: string;
  en: string;
}

const NAMES: Record<HolidayKey, [string, string]> = {
  new_year: ['元旦', "New Year's Day"],
  spring_festival_eve: ['除夕', "Chinese New Year's Eve"],
  spring_festival: ['春节', 'Spring Festival'],
  lantern: ['元宵节', 'Lantern Festival'],
  labour_day: ['劳动节', 'Labour Day'],
  dragon_boat: ['端午节', 'Dragon Boat Festival'],
  mid_autumn: ['中秋节', 'Mid-Autumn Festival'],
  double_ninth: ['重阳节', 'Double Ninth Festival'],
  national_day: ['国庆节', 'National Day'],
  thanksgiving: ['感恩节', 'Thanksgiving'],
  christmas: ['圣诞节', 'Christmas'],
};

const lunar = (year: number, month: number, day: number) => Lunar.fromYmd(year, month, day).getSolar();

/** Greeting occasions of a Gregorian year; the lunar festivals move every year, so they are computed. */
export function holidaysOf(year: number): Holiday[] {
  const thanksgivingDay = 22 + ((11 - new Date(Date.UTC(year, 10, 1)).getUTCDay()) % 7);
  const dates: [HolidayKey, string][] = [
    ['new_year', `${year}-01-01`],
    // The eve is the day before the first day of the lunar year that starts in this Gregorian year.
    ['spring_festival_eve', lunar(year, 1, 1).next(-1).toYmd()],
    ['spring_festival', lunar(year, 1, 1).toYmd()],
    ['lantern', lunar(year, 1, 15).toYmd()],
    ['labour_day', `${year}-05-01`],
    ['dragon_boat', lunar(year, 5, 5).toYmd()],
    ['mid_autumn', lunar(year, 8, 15).toYmd()],
    ['double_ninth', lunar(year, 9, 9).toYmd()],
    ['national_day', `${year}-10-01`],
    ['thanksgiving', `${year}-11-${String(thanksgivingDay).padStart(2, '0')}`],
    ['christmas', `${year}-12-25`],
  ];
  return dates
    .map(([key, date]) => ({ key, date, zh: NAMES[key][0], en: NAMES[key][1] }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Holidays whose date falls in [from, to] (YYYY-MM-DD, inclusive). */
export function holidaysBetween(from: string, to: string): Holiday[] {
  const years = new Set([Number(from.slice(0, 4)), Number(to.slice(0, 4))]);
  return [...years].flatMap(holidaysOf).filter((h) => h.date >= from && h.date <= to);
}
