import { type DueBoard, type DueItem, daysUntil, type Tier } from '@dossier/shared';
import type { Words } from '../platform/i18n/words.ts';

/** The words a digest is written with: its own, due dates', and the reasons a customer is due. */
export type DigestWords = Pick<Words, 'notifications' | 'due'> & { dashboard: Pick<Words['dashboard'], 'dueReasons'> };

import { formatDue, localTimeZone } from '../platform/i18n/relative.ts';

export interface Digest {
  title: string;
  message: string;
  /** Every line, for a list notification where the platform shows one. */
  lines: string[];
  overdueCustomers: number;
  today: number;
}

/** Lines beyond this go into "+N more": a notification is read at a glance. */
export const MAX_LINES = 6;

interface Options {
  tiers: readonly Tier[];
  now: Date;
  locale: string;
  timeZone?: string;
}

/**
 * The morning digest from the board: overdue customers of the chosen tiers (one line each,
 * their overdue reasons together), then today's appointments and commitments, and promises
 * already late, of any tier. Null when there is nothing to say.
 */
export function composeDigest(board: DueBoard, m: DigestWords, o: Options): Digest | null {
  const w = m.notifications.digest;
  const reasonWord = (i: DueItem) => m.dashboard.dueReasons[i.reason];
  const time = (at: string) =>
    new Intl.DateTimeFormat(o.locale, { hour: 'numeric', minute: '2-digit', timeZone: o.timeZone })
      .format(new Date(at))
      .replace(/\s/g, ' ');

  // A file stands in the bucket of its earliest due with every reason due in the window, each at
  // its own instant: what is overdue, and what falls today, is read from the instants.
  const late = (i: DueItem) => i.due < board.now;
  const byCustomer = new Map<number, DueItem[]>();
  for (const i of board.overdue) {
    if (i.reason === 'commitment' || !late(i) || !o.tiers.includes(i.tier)) continue;
    byCustomer.set(i.customerId, [...(byCustomer.get(i.customerId) ?? []), i]);
  }
  const overdueLines = [...byCustomer.values()]
    .sort(
      (a, b) => (a[0]?.tier ?? '').localeCompare(b[0]?.tier ?? '') || (a[0]?.due ?? '').localeCompare(b[0]?.due ?? ''),
    )
    .map((items) => {
      const first = items[0] as DueItem;
      const reasons = [...new Set(items.map(reasonWord))].join(w.and);
      return w.overdueLine(first.tier, first.name, reasons, formatDue(first.due, o.now, m.due, o.timeZone).text);
    });

  const promisesLate = board.overdue.filter((i) => i.reason === 'commitment');
  // Today's by the day they fall on, whatever window the board was asked for.
  const zone = o.timeZone ?? localTimeZone();
  const today = [...board.overdue, ...board.today]
    .filter(
      (i) =>
        (i.reason === 'appointment' || i.reason === 'commitment') && !late(i) && daysUntil(i.due, o.now, zone) === 0,
    )
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const todayLines = [
    ...promisesLate.map((i) => w.commitmentLine(i.name, i.text ?? '', formatDue(i.due, o.now, m.due, o.timeZone).text)),
    ...today.map((i) =>
      i.reason === 'commitment'
        ? w.commitmentLine(i.name, i.text ?? '', time(i.due))
        : w.appointmentLine(i.name, time(i.due)),
    ),
  ];

  const lines = [...overdueLines, ...todayLines];
  if (!lines.length) return null;
  const shown = lines.slice(0, MAX_LINES);
  if (lines.length > MAX_LINES) shown.push(w.more(lines.length - MAX_LINES));
  return {
    title: w.title(byCustomer.size, todayLines.length),
    message: shown.join('\n'),
    lines,
    overdueCustomers: byCustomer.size,
    today: todayLines.length,
  };
}
