import { asc, eq, isNull, sql } from 'drizzle-orm';
import { calendarFeeds, users } from '../../db/schema.pg.ts';
import type { CalendarStore, FeedBirthday, FeedFile, FeedPromise } from '../calendar.ts';
import { OPEN_PROMISE } from '../commitments.ts';
import type { PgExecutor } from './executor.ts';
import { visible } from './visibility.ts';

export function pgCalendar(db: PgExecutor): CalendarStore {
  return {
    async setFeed(userId, tokenHash, at) {
      await db
        .insert(calendarFeeds)
        .values({ userId, tokenHash, createdAt: at })
        .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: at } });
    },
    async dropFeed(userId) {
      const gone = await db
        .delete(calendarFeeds)
        .where(eq(calendarFeeds.userId, userId))
        .returning({ userId: calendarFeeds.userId });
      return gone.length > 0;
    },
    async feeds() {
      const rows = await db
        .select({ tokenHash: calendarFeeds.tokenHash, id: users.id, name: users.name, role: users.role })
        .from(calendarFeeds)
        .innerJoin(users, eq(users.id, calendarFeeds.userId))
        .where(isNull(users.revokedAt))
        .orderBy(asc(calendarFeeds.userId));
      return rows.map(({ tokenHash, ...viewer }) => ({ tokenHash, viewer }));
    },
    async dueFiles(viewer, before) {
      const rows = await db.execute<FeedFile & Record<string, unknown>>(sql`
        select id, name, tier, next_call_due as "nextCallDue", next_visit_due as "nextVisitDue",
          appointment_at as "appointmentAt"
        from customers
        where deleted_at is null and status <> 'lost' and next_due < ${before} and ${visible(viewer)}
        order by next_due, id`);
      return rows.rows;
    },
    async openPromises(viewer, since, before) {
      const rows = await db.execute<FeedPromise & Record<string, unknown>>(sql`
        select m.id, m.text, m.due_at as "dueAt", c.name from commitments m join customers c on c.id = m.customer_id
        where ${sql.raw(OPEN_PROMISE)} and m.due_at >= ${since} and m.due_at < ${before} and c.deleted_at is null
          and c.status <> 'lost' and ${visible(viewer, 'c')} order by m.due_at, m.id`);
      return rows.rows;
    },
    async birthdays(viewer) {
      const rows = await db.execute<FeedBirthday & Record<string, unknown>>(sql`
        select p.id, p.name, p.birthday, p.birthday_lunar as lunar, c.name as company
        from people p join customers c on c.id = p.customer_id
        where p.deleted_at is null and p.birthday is not null and c.deleted_at is null and c.status <> 'lost'
          and ${visible(viewer, 'c')} order by p.id`);
      return rows.rows;
    },
  };
}
