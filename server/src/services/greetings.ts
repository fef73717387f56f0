/// <reference path="../types/lunar-javascript.d.ts" />
import type { Settings } from '@dossier/shared';
import { Lunar, LunarMonth, LunarUtil } from 'lunar-javascript';
import { dayStart } from '../lib/time.ts';
import type { GreetablePerson } from '../store/greetings.ts';
import type { Store } from '../store/store.ts';
import { daysToNextWeek } from './focus.ts';
import { greetingDraft } from './greeting-drafts.ts';
import { holidaysBetween } from './holidays.ts';
import type { Viewer } from './visibility.ts';

const localDate = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const addDays = (ymd: string, n: number) =>
  new Date(Date.parse(`${ymd}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Next occurrence (on or after `from`) of a birthday given as YYYY-MM-DD; Feb 29 falls on Feb 28 in common years. */
function nextBirthday(birthday: string, from: string): string {
  const md = birthday.slice(5);
  for (const year of [Number(from.slice(0, 4)), Number(from.slice(0, 4)) + 1]) {
    const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
    const date = `${year}-${md === '02-29' && !leap ? '02-28' : md}`;
    if (date >= from) return date;
  }
  return `${Number(from.slice(0, 4)) + 1}-${md}`;
}

/**
 * Next solar date (on or after `from`) of a birthday kept as a lunar month and day (the year as
 * given is ignored). A 30th in a short lunar month falls on the 29th; leap months are not counted.
 */
export function nextLunarBirthday(birthday: string, from: string): string {
  const [month, day] = [Number(birthday.slice(5, 7)), Number(birthday.slice(8, 10))];
  const year = Number(from.slice(0, 4));
  // A lunar year starts in January or February: its late months fall in the next solar year.
  for (const y of [year - 1, year, year + 1]) {
    const days = LunarMonth.fromYm(y, month)?.getDayCount() ?? 29;
    const date = Lunar.fromYmd(y, month, Math.min(day, days)).getSolar().toYmd();
    if (date >= from) return date;
  }
  return from;
}

/** The solar dates of a lunar birthday's next `count` occurrences, on or after `from`. */
export function lunarBirthdays(birthday: string, from: string, count: number): string[] {
  const days: string[] = [];
  for (let next = from; days.length < count; next = addDays(days.at(-1) as string, 1)) {
    days.push(nextLunarBirthday(birthday, next));
  }
  return days;
}

/** A birthday kept as a lunar month and day, as a calendar names it: 冬月初八, 腊月廿三. */
export function lunarMonthDay(birthday: string): string {
  const [month, day] = [Number(birthday.slice(5, 7)), Number(birthday.slice(8, 10))];
  return `${LunarUtil.MONTH[month] ?? month}月${LunarUtil.DAY[day] ?? day}`;
}

/**
 * Seed 004: greet key customers individually every Friday and on holidays and birthdays.
 * Returns the upcoming birthdays and holidays within `days`, and this week's Friday list: key
 * people of A customers not yet greeted since Monday — each with a personal draft.
 */
export async function greetings(store: Store, now: Date, settings: Settings, viewer: Viewer, days: number) {
  const tz = settings.timeZone;
  const today = localDate(now, tz);
  const until = addDays(today, days);
  const people = await store.greetings.greetable(viewer);
  // Only what is meant for a message: never preferences or notes.
  const draftOf = (p: GreetablePerson) => ({ id: p.id, name: p.name, title: p.title, greetingHook: p.greetingHook });
  const card = (p: GreetablePerson) => ({
    personId: p.id,
    name: p.name,
    title: p.title,
    mobile: p.mobile,
    customerId: p.customerId,
    customerName: p.customerName,
    tier: p.tier,
  });

  const birthdays = people
    .filter((p) => p.birthday)
    .map((p) => ({
      ...card(p),
      date: p.birthdayLunar
        ? nextLunarBirthday(p.birthday as string, today)
        : nextBirthday(p.birthday as string, today),
      lunar: p.birthdayLunar,
      draft: greetingDraft(draftOf(p), { kind: 'birthday' }),
    }))
    .filter((b) => b.date <= until)
    .sort((a, b) => a.date.localeCompare(b.date) || a.tier.localeCompare(b.tier));

  const holidays = holidaysBetween(today, until);

  // Monday 00:00 local of this week: the ISO week of the board and the focus notes.
  const weekday = 7 - daysToNextWeek(now, tz); // 0 Monday … 6 Sunday
  const weekStart = dayStart(now, tz, -weekday).toISOString();
  const greeted = new Set(await store.greetings.greetedSince(weekStart));
  const keyOfA = people.filter((p) => p.tier === 'A' && p.keyPerson);
  const friday = keyOfA
    .filter((p) => !greeted.has(p.id))
    .map((p) => ({ ...card(p), draft: greetingDraft(draftOf(p), { kind: 'friday' }) }));

  return {
    today,
    isFriday: weekday === 4,
    weekStart,
    birthdays,
    holidays: holidays.map((h) => ({
      ...h,
      // Drafts for the A customers' key people, one each.
      drafts: keyOfA.map((p) => ({
        ...card(p),
        draft: greetingDraft(draftOf(p), { kind: 'holiday', zh: h.zh, en: h.en }),
      })),
    })),
    friday,
  };
}
