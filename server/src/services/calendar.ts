import { randomBytes } from 'node:crypto';
import type { Settings } from '@dossier/shared';
import ical, { ICalAlarmType, ICalEventRepeatingFreq, ICalEventTransparency } from 'ical-generator';
import { hashToken, matchToken } from '../lib/tokens.ts';
import type { Store } from '../store/store.ts';
import { lunarBirthdays, lunarMonthDay } from './greetings.ts';
import type { Viewer } from './visibility.ts';

const DAY_MS = 86_400_000;
/** How far ahead due calls and visits are listed; past appointments and promises stay this long. */
const AHEAD_DAYS = 90;
const BEHIND_DAYS = 30;
/** How many of a lunar birthday's coming solar dates the feed lists (a calendar refreshes it long before they run out). */
const LUNAR_YEARS = 3;

/**
 * A new feed token for the user (the old one stops working). It is a separate secret from the
 * API token because it ends up in calendar apps and sync servers, and it only reads dates.
 */
export async function rotateFeed(store: Store, viewer: Viewer, now: Date): Promise<string> {
  const token = `dcal_${randomBytes(32).toString('base64url')}`;
  await store.calendar.setFeed(viewer.id, hashToken(token), now.toISOString());
  return token;
}

export async function revokeFeed(store: Store, viewer: Viewer): Promise<boolean> {
  return store.calendar.dropFeed(viewer.id);
}

/** The (not revoked) user a feed token belongs to, compared by hash in constant time. */
export async function feedViewer(store: Store, token: string): Promise<Viewer | null> {
  const feeds = await store.calendar.feeds();
  return matchToken(token, new Map(feeds.map((f) => [f.tokenHash, f.viewer])));
}

/** The calendar date of an instant in the user's zone, as a UTC midnight (how all-day events are written). */
function localDay(iso: string | Date, timeZone: string): Date {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(iso))
    .split('-')
    .map(Number);
  return new Date(Date.UTC(y as number, (m as number) - 1, d as number));
}

const TIER = (t: string) => `[${t}]`;

/**
 * The user's visible due calls and visits (all-day, on the due day; overdue ones on today so
 * they are not lost in the past), appointments and open promises at their times, and people's
 * birthdays: yearly, a lunar one on its solar day of each of the coming years. UIDs are stable
 * per item, so a calendar updates events in place.
 */
export async function calendarFeed(store: Store, viewer: Viewer, now: Date, settings: Settings): Promise<string> {
  const tz = settings.timeZone;
  const end = new Date(now.getTime() + AHEAD_DAYS * DAY_MS).toISOString();
  const since = new Date(now.getTime() - BEHIND_DAYS * DAY_MS).toISOString();
  const today = localDay(now, tz);
  const cal = ical({
    name: `Dossier · ${viewer.name}`,
    prodId: { company: 'Dossier', product: 'calendar', language: 'ZH' },
  });
  cal.ttl(3600);
  const base = { stamp: now, transparency: ICalEventTransparency.TRANSPARENT };
  const due = await store.calendar.dueFiles(viewer, end);
  for (const c of due) {
    for (const [kind, at, label] of [
      ['call', c.nextCallDue, '电话 Call'],
      ['visit', c.nextVisitDue, '拜访 Visit'],
    ] as const) {
      if (at >= end) continue;
      const day = localDay(at, tz);
      const overdue = day < today;
      cal.createEvent({
        ...base,
        id: `${kind}-${c.id}@dossier`,
        allDay: true,
        start: overdue ? today : day,
        summary: `${TIER(c.tier)} ${label} · ${c.name}${overdue ? ' (逾期 overdue)' : ''}`,
        description: overdue ? `Due ${day.toISOString().slice(0, 10)}` : null,
      });
    }
    if (c.appointmentAt && c.appointmentAt >= since) {
      cal.createEvent({
        stamp: now,
        id: `appointment-${c.id}@dossier`,
        start: new Date(c.appointmentAt),
        end: new Date(new Date(c.appointmentAt).getTime() + 30 * 60_000),
        summary: `${TIER(c.tier)} 约见 Appointment · ${c.name}`,
        alarms: [{ type: ICalAlarmType.display, trigger: 30 * 60 }],
      });
    }
  }
  const promises = await store.calendar.openPromises(viewer, since, end);
  for (const m of promises) {
    cal.createEvent({
      stamp: now,
      id: `commitment-${m.id}@dossier`,
      start: new Date(m.dueAt),
      end: new Date(new Date(m.dueAt).getTime() + 15 * 60_000),
      summary: `承诺 Promise · ${m.text} (${m.name})`,
      alarms: [{ type: ICalAlarmType.display, trigger: 60 * 60 }],
    });
  }
  const birthdays = await store.calendar.birthdays(viewer);
  for (const p of birthdays) {
    const [y, m, d] = p.birthday.split('-').map(Number);
    if (!y || !m || !d) continue;
    const summary = `生日 Birthday · ${p.name} (${p.company})`;
    if (!p.lunar) {
      cal.createEvent({
        ...base,
        id: `birthday-${p.id}@dossier`,
        allDay: true,
        start: new Date(Date.UTC(y, m - 1, d)),
        repeating: { freq: ICalEventRepeatingFreq.YEARLY },
        summary,
      });
      continue;
    }
    // A lunar birthday falls on another solar day each year, which no yearly rule can say:
    // its next few, each an event of its own.
    const lunarSummary = `${summary} · 农历 ${lunarMonthDay(p.birthday)}`;
    for (const day of lunarBirthdays(p.birthday, today.toISOString().slice(0, 10), LUNAR_YEARS)) {
      cal.createEvent({
        ...base,
        id: `birthday-${p.id}-${day.slice(0, 4)}@dossier`,
        allDay: true,
        start: new Date(`${day}T00:00:00Z`),
        summary: lunarSummary,
      });
    }
  }
  return cal.toString();
}
