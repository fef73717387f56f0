import type { SheetMark } from '@dossier/shared';

const pad = (n: number) => String(n).padStart(2, '0');

/** This month as the API writes it ("2026-11"), in the given zone. */
export function currentMonth(now: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}`;
}

/**
 * The last month that is over where the server counts days: what monthly reclassification
 * judges by default (the current month has not had all its days yet).
 */
export function lastCompleteMonth(now: Date, timeZone?: string): string {
  return shiftMonth(currentMonth(now, timeZone), -1);
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

export interface DayColumn {
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  weekend: boolean;
}

/** One column per day of the month, weekends marked (the sheet shades them). */
export function dayColumns(month: string, days: number): DayColumn[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: days }, (_, i) => {
    const weekday = new Date(Date.UTC(y, m - 1, i + 1, 12)).getUTCDay();
    return { day: i + 1, weekday, weekend: weekday === 0 || weekday === 6 };
  });
}

/** The tooltip of a "V": each contact of the day, its kind in the user's words and its summary. */
export function markTitle(marks: readonly SheetMark[], kindName: (kind: string) => string): string {
  return marks.map((x) => (x.summary ? `${kindName(x.kind)}: ${x.summary}` : kindName(x.kind))).join('\n');
}
