import { daysUntil } from '@dossier/shared';
import type { Words } from './words.ts';

export interface DueText {
  text: string;
  /** Past due: the card paints it red. */
  overdue: boolean;
  /** Whole calendar days from today (negative when overdue). */
  days: number;
}

/** The browser's own zone: "today" is the user's today, not the server's. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * "in 3 days" / "overdue 2 days", counted in calendar days of the user's zone so a call due
 * tomorrow morning reads "tomorrow" tonight. A due time earlier today is already overdue.
 */
export function formatDue(due: string | Date, now: Date, m: Words['due'], timeZone: string = localTimeZone()): DueText {
  const dueMs = new Date(due).getTime();
  const days = daysUntil(dueMs, now, timeZone);
  const overdue = dueMs < now.getTime();
  let text: string;
  if (days < 0) text = m.overdueDays(-days);
  else if (days === 0) text = overdue ? m.overdueToday : m.today;
  else if (days === 1) text = m.tomorrow;
  else text = m.inDays(days);
  return { text, overdue, days };
}

/** A short absolute date (and time when it matters) for titles and appointments. */
// Building a formatter costs far more than using one, and lists format a date per row.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDate(at: string | Date, locale: string, withTime = false, timeZone = localTimeZone()): string {
  const key = `${locale}|${withTime}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone,
      month: 'short',
      day: 'numeric',
      weekday: 'short',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    });
    formatters.set(key, f);
  }
  return f.format(new Date(at));
}
