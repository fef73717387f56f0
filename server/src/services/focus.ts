import type { Store } from '../store/store.ts';
import type { Viewer } from './visibility.ts';

const ymd = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/** ISO-8601 week of a calendar day: the week belongs to the year of its Thursday. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * "This week" everywhere (the focus notes' week, the board's 本周 column): the ISO week, Monday to
 * Sunday, of the configured zone's calendar. Answers how many local days from today's start the
 * next Monday starts (1 on a Sunday, 7 on a Monday).
 */
export function daysToNextWeek(now: Date, timeZone: string): number {
  const day = new Date(`${ymd(now, timeZone)}T12:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return 8 - (((day + 6) % 7) + 1);
}

/** The viewer's notes for today, tomorrow and this week, in the configured time zone (empty text when none). */
export async function readFocus(store: Store, now: Date, timeZone: string, viewer: Viewer) {
  const today = ymd(now, timeZone);
  const tomorrow = ymd(new Date(now.getTime() + 86_400_000), timeZone);
  const week = isoWeek(today);
  const rows = await store.focus.read(viewer.id, [today, tomorrow, week]);
  const note = (period: string) => ({ period, text: rows.find((r) => r.period === period)?.text ?? '' });
  return { today: note(today), tomorrow: note(tomorrow), week: note(week) };
}

export async function writeFocus(store: Store, period: string, text: string, now: Date, viewer: Viewer): Promise<void> {
  await store.focus.write(viewer.id, period, text, now.toISOString());
}
