import { dayStart, localDate } from '@dossier/shared';

/**
 * The log form's quick picks for the next contact. "Tomorrow" and "next Monday" are days in
 * the configured time zone (the server's, the board's), at the start of the working day;
 * "by cadence" leaves the appointment empty so the tier's cadence sets the next due date.
 */
export type QuickPick = 'tomorrow' | 'monday' | 'cadence';

/** The hour a picked day's appointment is set to, in the configured zone. */
export const PICK_HOUR = 9;

/** The instant a quick pick stands for; null for "by cadence" (no appointment). */
export function quickPickInstant(pick: QuickPick, now: Date, timeZone: string): Date | null {
  if (pick === 'cadence') return null;
  let days = 1;
  if (pick === 'monday') {
    // Day of the week of today's local date (0 = Sunday); the Monday after today, a week on from a Monday.
    const weekday = new Date(`${localDate(now, timeZone)}T00:00:00Z`).getUTCDay();
    days = (8 - weekday) % 7 || 7;
  }
  const start = dayStart(now, timeZone, days);
  return new Date(start.getTime() + PICK_HOUR * 3_600_000);
}
