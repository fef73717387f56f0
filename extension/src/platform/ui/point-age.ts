import type { ContactPoint } from '@dossier/shared';
import type { Words } from '../i18n/words.ts';

const DAY = 86_400_000;

/** "3 months ago": days under a month, months under two years, then years. */
export function ageText(since: string, now: Date, m: Words['contactPoint']): string {
  const from = new Date(since);
  const days = Math.floor((now.getTime() - from.getTime()) / DAY);
  if (days < 1) return m.today;
  const months =
    (now.getUTCFullYear() - from.getUTCFullYear()) * 12 +
    now.getUTCMonth() -
    from.getUTCMonth() -
    (now.getUTCDate() < from.getUTCDate() ? 1 : 0);
  if (months < 1) return m.daysAgo(days);
  if (months < 24) return m.monthsAgo(months);
  return m.yearsAgo(Math.floor(months / 12));
}

/** The point a field of the file holds: the file's own (personId null) or a person's. */
export function pointOf(
  points: readonly ContactPoint[] | undefined,
  personId: number | null,
  value: string,
): ContactPoint | undefined {
  return points?.find((p) => p.personId === personId && p.value === value);
}
