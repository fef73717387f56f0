import chineseDays from 'chinese-days';
import { memoised } from './memo.ts';
import type { Workdays } from './schemas/settings.ts';

const DAY_MS = 86_400_000;

/**
 * Offsets change only at a zone's transitions, a few times a year at most: the offset of a whole
 * UTC day is asked of Intl once and kept when it is the same at the day's first and last second
 * (formatToParts costs microseconds, and every logged call's due dates ask several times, for
 * instants spread over years). A day with a transition is answered exactly, not kept.
 */
const MAX_KEPT = 4096;
const partFormatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
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
  return f;
}

/** Offset of `timeZone` from UTC at instant `at`, in ms (Asia/Shanghai → +8h). */
function zoneOffset(at: number, timeZone: string): number {
  let known = offsets.get(timeZone);
  if (!known) {
    known = new Map();
    offsets.set(timeZone, known);
  }
  const day = Math.floor(at / DAY_MS);
  const kept = known.get(day);
  if (kept !== undefined) return kept;
  const f = formatterFor(timeZone);
  const exact = (instant: number) => {
    const parts = f.formatToParts(instant);
    const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    const whole = Math.floor(instant / 1000) * 1000;
    return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - whole;
  };
  const start = day * DAY_MS;
  const offset = exact(start);
  if (exact(start + DAY_MS - 1000) !== offset) return exact(at);
  if (known.size >= MAX_KEPT) known.clear();
  known.set(day, offset);
  return offset;
}

/** The instant local midnight starts, `plusDays` days after the local day containing `now`. */
export function dayStart(now: Date, timeZone: string, plusDays = 0): Date {
  const local = new Date(now.getTime() + zoneOffset(now.getTime(), timeZone));
  const midnightAsUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + plusDays);
  // Offset taken at the target midnight itself so DST changes in between are honoured.
  return new Date(midnightAsUtc - zoneOffset(midnightAsUtc, timeZone));
}

/** The instant a calendar day (YYYY-MM-DD) starts in `timeZone`, `plusDays` days on. */
export function localDayStart(ymd: string, timeZone: string, plusDays = 0): Date {
  // From the day's local noon, not UTC noon: in a zone twelve hours or more ahead of UTC (New
  // Zealand's summer) UTC noon is already the next day there.
  const noon = Date.parse(`${ymd}T12:00:00Z`);
  return dayStart(new Date(noon - zoneOffset(noon, timeZone)), timeZone, plusDays);
}

/** The calendar date (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDate(at: Date, timeZone: string): string {
  const t = at.getTime();
  return new Date(t + zoneOffset(t, timeZone)).toISOString().slice(0, 10);
}

const weekday = (ymd: string) => new Date(`${ymd}T12:00:00Z`).getUTCDay();
const shiftYmd = (ymd: string, days: number) =>
  new Date(Date.parse(`${ymd}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Whether the published calendar in the package covers a year (it lists that year's holidays). */
const published = memoised(
  64,
  (year: string) => chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0,
);

/**
 * The statutory days off of a year the published calendar does not yet cover, by the rule of
 * 《全国年节及纪念日放假办法》 (as revised in 2024): 元旦 1 January; 春节 除夕 to 初三; 清明 the
 * solar term's day; 劳动节 1–2 May; 端午 the fifth of the fifth month; 中秋 the fifteenth of the
 * eighth; 国庆 1–3 October. The State Council's arrangement for such a year (bridges over
 * weekends, make-up working days) is not known until it is published, so only these move dues;
 * a due date in the next year is then still kept off New Year's Day and the Spring Festival.
 */
const statutory = memoised(64, (year: string): Set<string> => {
  const lunar = (monthDay: string) => chineseDays.getSolarDateFromLunar(`${year}-${monthDay}`).date;
  const newYear = lunar('01-01');
  const qingming = chineseDays
    .getSolarTerms(`${year}-04-01`, `${year}-04-10`)
    .find((t) => t.term === 'pure_brightness');
  return new Set([
    `${year}-01-01`,
    shiftYmd(newYear, -1),
    newYear,
    shiftYmd(newYear, 1),
    shiftYmd(newYear, 2),
    ...(qingming ? [qingming.date] : []),
    `${year}-05-01`,
    `${year}-05-02`,
    lunar('05-05'),
    lunar('08-15'),
    `${year}-10-01`,
    `${year}-10-02`,
    `${year}-10-03`,
  ]);
});

// The package parses the date on every call; a day's answer never changes.
const mainlandWorkday = memoised(MAX_KEPT, (ymd: string) => {
  const year = ymd.slice(0, 4);
  if (published(year)) return chineseDays.isWorkday(ymd);
  const d = weekday(ymd);
  return d !== 0 && d !== 6 && !statutory(year).has(ymd);
});

/**
 * Whether a calendar day is a working day. "mainland" follows the published mainland calendar
 * (public holidays, and weekend days made working days to make up for them, 调休); a year the
 * calendar does not yet cover has weekends and the statutory days off (see `statutory`).
 */
export function isWorkday(ymd: string, workdays: Workdays): boolean {
  if (workdays === 'none') return true;
  if (workdays === 'mainland') {
    return mainlandWorkday(ymd);
  }
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
