import type { Tier } from '@dossier/shared';
import { eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { calendarFeeds, users } from '../../db/schema.ts';
import type { CalendarStore } from '../calendar.ts';
import { OPEN_PROMISE } from '../commitments.ts';
import { visible } from './visibility.ts';

export function sqliteCalendar(db: Db): CalendarStore {
  return {
    async setFeed(userId, tokenHash, at) {
      db.insert(calendarFeeds)
        .values({ userId, tokenHash, createdAt: at })
        .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: at } })
        .run();
    },
    async dropFeed(userId) {
      return db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).returning().all().length > 0;
    },
    async feeds() {
      const rows = db
        .select({ tokenHash: calendarFeeds.tokenHash, id: users.id, name: users.name, role: users.role })
        .from(calendarFeeds)
        .innerJoin(users, eq(users.id, calendarFeeds.userId))
        .where(isNull(users.revokedAt))
        .all();
      return rows.map(({ tokenHash, ...viewer }) => ({ tokenHash, viewer }));
    },
    async dueFiles(viewer, before) {
      const rows = db.all<{
        id: number;
        name: string;
        tier: Tier;
        next_call_due: string;
        next_visit_due: string;
        appointment_at: string | null;
      }>(sql`select id, name, tier, next_call_due, next_visit_due, appointment_at from customers
        where deleted_at is null and status <> 'lost' and next_due < ${before} and ${visible(viewer)} order by next_due, id`);
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        tier: r.tier,
        nextCallDue: r.next_call_due,
        nextVisitDue: r.next_visit_due,
        appointmentAt: r.appointment_at,
      }));
    },
    async openPromises(viewer, since, before) {
      const rows = db.all<{ id: number; text: string; due_at: string; name: string }>(sql`
        select m.id, m.text, m.due_at, c.name from commitments m join customers c on c.id = m.customer_id
        where ${sql.raw(OPEN_PROMISE)} and m.due_at >= ${since} and m.due_at < ${before} and c.deleted_at is null
          and c.status <> 'lost' and ${visible(viewer, 'c')} order by m.due_at, m.id`);
      return rows.map((r) => ({ id: r.id, text: r.text, dueAt: r.due_at, name: r.name }));
    },
    async birthdays(viewer) {
      const rows = db.all<{ id: number; name: string; birthday: string; lunar: number; company: string }>(sql`
        select p.id, p.name, p.birthday, p.birthday_lunar as lunar, c.name as company
        from people p join customers c on c.id = p.customer_id
        where p.deleted_at is null and p.birthday is not null and c.deleted_at is null and c.status <> 'lost'
          and ${visible(viewer, 'c')} order by p.id`);
      return rows.map((r) => ({ ...r, lunar: r.lunar === 1 }));
    },
  };
}
