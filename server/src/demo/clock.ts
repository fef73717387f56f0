import { isWorkday, type Workdays } from '@dossier/shared';
import { dayStart } from '../lib/time.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Office hours of the account manager, in local hours: contacts are logged between these. */
export const OPEN = 8.5;
export const CLOSE = 18;

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
/** A time of day in office hours, outside the lunch break (12:00–13:30). */
export const officeHour = (rng: Rng) => (rng() < 0.45 ? between(rng, 9, 11.75) : between(rng, 13.5, 17.5));
export const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');

/**
 * Calendar arithmetic in the user's zone: day 0 is today, −1 yesterday, 7 a week ahead. Working
 * days follow the user's setting (the mainland calendar by default, with its holidays and 调休),
 * and every instant it hands out is on the minute.
 */
export class Clock {
  private readonly start: number;
  private readonly dateFmt: Intl.DateTimeFormat;
  private readonly timeFmt: Intl.DateTimeFormat;
  private readonly starts = new Map<number, number>();
  constructor(
    readonly now: Date,
    readonly tz: string,
    readonly workdays: Workdays = 'mainland',
  ) {
    this.start = dayStart(now, tz).getTime();
    this.dateFmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    this.timeFmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
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
  /** Local time of day of `t`, in hours (14.5 = 14:30). */
  hoursOf(t: number): number {
    const [h, m] = this.timeFmt.format(t).split(':').map(Number) as [number, number];
    return h + m / 60;
  }
  /** Whether local day `day` is a day off in the user's calendar. */
  isOff(day: number): boolean {
    return !isWorkday(this.isoDate(day), this.workdays);
  }
  isFriday(day: number): boolean {
    return new Date(`${this.isoDate(day)}T12:00:00Z`).getUTCDay() === 5;
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
  /** The working day nearest `day` on the same side of today: past days go back, later days forward. */
  workday(day: number): number {
    let d = day;
    while (this.isOff(d)) d += day > 0 ? 1 : -1;
    return d;
  }
  /** Whether there is still room today for something in office hours (today a working day, before 17:00). */
  openToday(): boolean {
    return !this.isOff(0) && this.hoursOf(this.now.getTime()) < 17;
  }
  /** A moment later today in office hours, at least 20 minutes from now (only when `openToday()`). */
  laterToday(rng: Rng): number {
    const from = Math.max(9, this.hoursOf(this.now.getTime()) + 1 / 3);
    return this.at(0, between(rng, from, Math.max(from, 17.5)));
  }
  /**
   * When something falls due about `day` (a plan's day), so that it and the contact `gapDays`
   * before it both fall on working days in office hours: the day itself when it fits, else the
   * nearest day that does on the same side of today. Day 0 stays today only while the day is still
   * open; later in the evening or on a day off it becomes the next working day, so a due "today"
   * never turns overdue because the demo was seeded late. Returns the due instant; the contact is
   * `gapDays` before it.
   */
  dueSlot(day: number, gapDays: number, rng: Rng): number {
    const fits = (d: number) => !this.isOff(d) && !this.isOff(d - gapDays) && d - gapDays < 0;
    const side = (d: number) => (day < 0 ? d < 0 : d > 0);
    if (day === 0) {
      if (this.openToday() && fits(0)) return this.laterToday(rng);
      for (let d = 1; d < 30; d++) if (fits(d)) return this.at(d, between(rng, 9, 11.5));
    }
    for (let k = 0; k < 30; k++) {
      for (const d of k === 0 ? [day] : [day - k, day + k]) {
        if (side(d) && fits(d)) return this.at(d, officeHour(rng));
      }
    }
    // A long holiday leaves no such pair (a weekly call across 国庆): the contact goes on the
    // working day nearest where it belongs, and the due date lands where the due rule puts it.
    const last = this.workday(Math.min(day - gapDays, -1));
    return this.at(last, officeHour(rng)) + gapDays * DAY;
  }
  /** A working-hours moment on the working day at or before the local day containing `t`. */
  work(t: number, rng: Rng): number {
    let d = this.dayOf(t);
    while (this.isOff(d)) d -= 1;
    return this.at(d, officeHour(rng));
  }
  /** Office hours on a later day than the one containing `t`: next working day, or the one after. */
  workAfter(t: number, rng: Rng): number {
    let d = this.dayOf(t) + (rng() < 0.7 ? 1 : 2);
    while (this.isOff(d)) d += 1;
    return this.at(d, between(rng, 9, 11.5));
  }
  /** `hours` after `t` if that is still within office hours that day, else next working morning. */
  later(t: number, hours: number, rng: Rng): number {
    const at = Math.round((t + hours * HOUR) / MINUTE) * MINUTE;
    return this.dayOf(at) === this.dayOf(t) && this.hoursOf(at) <= CLOSE - 0.25 ? at : this.workAfter(t, rng);
  }
  /** '3月18日' */
  label(t: number): string {
    return new Intl.DateTimeFormat('zh-CN', { timeZone: this.tz, month: 'long', day: 'numeric' }).format(t);
  }
  /** '3月18日 14:30' */
  labelTime(t: number): string {
    return `${this.label(t)} ${this.timeFmt.format(t)}`;
  }
}
