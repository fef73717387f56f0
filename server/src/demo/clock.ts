import { dayStart } from '../lib/time.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type Rng = () => number;

/** mulberry32: a tiny seeded PRNG, so the demo reads the same on every machine and every run. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
export const between = (rng: Rng, lo: number, hi: number) => lo + rng() * (hi - lo);
export const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');

/** Calendar arithmetic in the user's zone: day 0 is today, −1 yesterday, 7 a week ahead. */
export class Clock {
  private readonly start: number;
  private readonly weekdayFmt: Intl.DateTimeFormat;
  private readonly dateFmt: Intl.DateTimeFormat;
  private readonly starts = new Map<number, number>();
  constructor(
    readonly now: Date,
    readonly tz: string,
  ) {
    this.start = dayStart(now, tz).getTime();
    this.weekdayFmt = new Intl.DateTimeFormat('en-US', { timeZone: tz, weekday: 'short' });
    this.dateFmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  }
  /** Local day `day` at `hours` local time, to the minute. */
  at(day: number, hours: number): number {
    let start = this.starts.get(day);
    if (start === undefined) {
      start = dayStart(this.now, this.tz, day).getTime();
      this.starts.set(day, start);
    }
    return start + Math.round(hours * 60) * MINUTE;
  }
  dayOf(t: number): number {
    return Math.floor((t - this.start) / DAY);
  }
  isWeekend(day: number): boolean {
    return /Sat|Sun/.test(this.weekdayFmt.format(this.at(day, 12)));
  }
  isFriday(day: number): boolean {
    return this.weekdayFmt.format(this.at(day, 12)) === 'Fri';
  }
  /** Local 'YYYY-MM-DD' of day `day`. */
  isoDate(day: number): string {
    return this.dateFmt.format(this.at(day, 12));
  }
  /** The day offset of a local calendar date. */
  dayOfDate(year: number, month: number, date: number): number {
    const [y, m, d] = this.isoDate(0).split('-').map(Number) as [number, number, number];
    return Math.round((Date.UTC(year, month - 1, date) - Date.UTC(y, m - 1, d)) / DAY);
  }
  /**
   * The working day nearest `day` on the same side of today (today and tomorrow stay as they
   * are), so that the contact placed one cadence earlier falls on a working day too.
   */
  workday(day: number): number {
    if (day === 0 || day === 1) return day;
    let d = day;
    while (this.isWeekend(d)) d += d > 0 ? -1 : 1;
    if (d >= 0) for (d = day; this.isWeekend(d); ) d -= 1;
    return d;
  }
  /** When something falls due on `day`: later today for day 0, else during working hours. */
  due(day: number, rng: Rng): number {
    if (day !== 0) return this.at(this.workday(day), between(rng, 9.5, 16.5));
    const now = this.now.getTime();
    return now + (this.at(1, 0) - now) * between(rng, 0.3, 0.7);
  }
  /** A working-hours moment on the weekday at or before the local day containing `t`. */
  work(t: number, rng: Rng): number {
    let d = this.dayOf(t);
    while (this.isWeekend(d)) d -= 1;
    return this.at(d, between(rng, 9, 17.5));
  }
  /** Office hours on a later day than the one containing `t`: next working day, or the one after. */
  workAfter(t: number, rng: Rng): number {
    let d = this.dayOf(t) + (rng() < 0.7 ? 1 : 2);
    while (this.isWeekend(d)) d += 1;
    return this.at(d, between(rng, 9, 11.5));
  }
  label(t: number, zh: boolean): string {
    const opts = { timeZone: this.tz, month: zh ? 'long' : 'short', day: 'numeric' } as const;
    return new Intl.DateTimeFormat(zh ? 'zh-CN' : 'en-GB', opts).format(t);
  }
}
