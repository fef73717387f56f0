import chineseDays from 'chinese-days';
import type { Workdays } from './schemas/settings.ts';

const DAY_MS = 86_400_000;

/** Offset of `timeZone` from UTC at instant `at`, in ms (Asia/Shanghai → +8h). */
const partFormatters = new Map<string, Intl.DateTimeFormat>();
function zoneOffset(at: number, timeZone: string): number {
  let f = partFormatters.get(timeZone);
  if (!f) {
    // Building a formatter costs far more than using one: one per zone, kept.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return (
    Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(at / 1000) * 1000
  );
}

/** The instant local midnight starts, `plusDays` days after the local day containing `now`. */
export function dayStart(now: Date, timeZone: string, plusDays = 0): Date {
  const local = new Date(now.getTime() + zoneOffset(now.getTime(), timeZone));
  const midnightAsUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + plusDays);
  // Offset taken at the target midnight itself so DST changes in between are honoured.
  return new Date(midnightAsUtc - zoneOffset(midnightAsUtc, timeZone));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The calendar date (YYYY-MM-DD) of an instant in `timeZone`; one formatter per zone, built once. */
export function localDate(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}

const weekday = (ymd: string) => new Date(`${ymd}T12:00:00Z`).getUTCDay();
const shiftYmd = (ymd: string, days: number) =>
  new Date(Date.parse(`${ymd}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Whether a calendar day is a working day. "mainland" follows the published mainland calendar
 * (public holidays, and weekend days made working days to make up for them, 调休); years the
 * calendar does not yet cover fall back to plain weekends inside the package.
 */
export function isWorkday(ymd: string, workdays: Workdays): boolean {
  if (workdays === 'none') return true;
  if (workdays === 'mainland') return chineseDays.isWorkday(ymd);
  const d = weekday(ymd);
  return d !== 0 && d !== 6;
}

/**
 * A due date that falls on a day off moves back to the previous working day, keeping its time of
 * day — but never onto or before the day of the contact it counts from (`base`): with no working
 * day in between, the due date stays as it is.
 */
export function onWorkday(due: Date, base: Date, workdays: Workdays, timeZone: string): Date {
  if (workdays === 'none') return due;
  const day = localDate(due, timeZone);
  if (isWorkday(day, workdays)) return due;
  const floor = localDate(base, timeZone);
  for (let back = 1; ; back++) {
    const candidate = shiftYmd(day, -back);
    if (candidate <= floor) return due;
    if (isWorkday(candidate, workdays)) return new Date(due.getTime() - back * DAY_MS);
  }
}
