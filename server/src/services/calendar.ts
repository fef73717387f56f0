import { randomBytes } from 'node:crypto';
import type { Settings } from '@dossier/shared';
import { eq, isNull, sql } from 'drizzle-orm';
import ical, { ICalAlarmType, ICalEventRepeatingFreq, ICalEventTransparency } from 'ical-generator';
import type { Db } from '../db/client.ts';
import { calendarFeeds, users } from '../db/schema.ts';
import { hashToken, matchToken } from '../lib/tokens.ts';
import { type Viewer, visible } from './visibility.ts';

const DAY_MS = 86_400_000;
/** How far ahead due calls and visits are listed; past appointments and promises stay this long. */
const AHEAD_DAYS = 90;
const BEHIND_DAYS = 30;

/**
 * A new feed token for the user (the old one stops working). It is a separate secret from the
 * API token because it ends up in calendar apps and sync servers, and it only reads dates.
 */
export function rotateFeed(db: Db, viewer: Viewer, now: Date): string {
  const token = `dcal_${randomBytes(32).toString('base64url')}`;
  const tokenHash = hashToken(token);
  db.insert(calendarFeeds)
    .values({ userId: viewer.id, tokenHash, createdAt: now.toISOString() })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: now.toISOString() } })
    .run();
  return token;
}

export function revokeFeed(db: Db, viewer: Viewer): boolean {
  return db.delete(calendarFeeds).where(eq(calendarFeeds.userId, viewer.id)).returning().all().length > 0;
}

/** The (not revoked) user a feed token belongs to, compared by hash in constant time. */
export function feedViewer(db: Db, token: string): Viewer | null {
  const rows = db
    .select({ hash: calendarFeeds.tokenHash, id: users.id, name: users.name, role: users.role })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(isNull(users.revokedAt))
    .all();
  return matchToken(token, new Map(rows.map(({ hash, ...v }) => [hash, v as Viewer])));
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
 * birthdays recurring yearly. UIDs are stable per item, so a calendar updates events in place.
 */
export function calendarFeed(db: Db, viewer: Viewer, now: Date, settings: Settings): string {
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
  const due = db.all<{
    id: number;
    name: string;
    tier: string;
    next_call_due: string;
    next_visit_due: string;
    appointment_at: string | null;
  }>(sql`select id, name, tier, next_call_due, next_visit_due, appointment_at from customers
    where deleted_at is null and status <> 'lost' and next_due < ${end} and ${visible(viewer)} order by next_due, id`);
  for (const c of due) {
    for (const [kind, at, label] of [
      ['call', c.next_call_due, '电话 Call'],
      ['visit', c.next_visit_due, '拜访 Visit'],
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
    if (c.appointment_at && c.appointment_at >= since) {
      cal.createEvent({
        stamp: now,
        id: `appointment-${c.id}@dossier`,
        start: new Date(c.appointment_at),
        end: new Date(new Date(c.appointment_at).getTime() + 30 * 60_000),
        summary: `${TIER(c.tier)} 约见 Appointment · ${c.name}`,
        alarms: [{ type: ICalAlarmType.display, trigger: 30 * 60 }],
      });
    }
  }
  const promises = db.all<{ id: number; text: string; due_at: string; name: string }>(sql`
    select m.id, m.text, m.due_at, c.name from commitments m join customers c on c.id = m.customer_id
    where m.kept_at is null and m.due_at >= ${since} and m.due_at < ${end} and c.deleted_at is null
      and c.status <> 'lost' and ${visible(viewer, 'c')} order by m.due_at, m.id`);
  for (const m of promises) {
    cal.createEvent({
      stamp: now,
      id: `commitment-${m.id}@dossier`,
      start: new Date(m.due_at),
      end: new Date(new Date(m.due_at).getTime() + 15 * 60_000),
      summary: `承诺 Promise · ${m.text} (${m.name})`,
      alarms: [{ type: ICalAlarmType.display, trigger: 60 * 60 }],
    });
  }
  const birthdays = db.all<{ id: number; name: string; birthday: string; company: string }>(sql`
    select p.id, p.name, p.birthday, c.name as company from people p join customers c on c.id = p.customer_id
    where p.deleted_at is null and p.birthday is not null and c.deleted_at is null and c.status <> 'lost'
      and ${visible(viewer, 'c')} order by p.id`);
  for (const p of birthdays) {
    const [y, m, d] = p.birthday.split('-').map(Number);
    if (!y || !m || !d) continue;
    cal.createEvent({
      ...base,
      id: `birthday-${p.id}@dossier`,
      allDay: true,
      start: new Date(Date.UTC(y, m - 1, d)),
      repeating: { freq: ICalEventRepeatingFreq.YEARLY },
      summary: `生日 Birthday · ${p.name} (${p.company})`,
    });
  }
  return cal.toString();
}
