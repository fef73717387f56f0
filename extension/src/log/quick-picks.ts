import { APPOINTMENT_HOUR, dayStart, localDate } from '@dossier/shared';

/**
 * The log form's quick picks for the next contact. "Tomorrow" and "next Monday" are days in
 * the configured time zone (the server's, the board's), at the start of the working day;
 * "by cadence" leaves the appointment empty so the tier's cadence sets the next due date.
 */
export type QuickPick = 'tomorrow' | 'monday' | 'cadence';

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
  return new Date(start.getTime() + APPOINTMENT_HOUR * 3_600_000);
}
