import { sql } from 'drizzle-orm';
import type { GreetablePerson, GreetingStore } from '../greetings.ts';
import type { PgExecutor } from './executor.ts';
import { visible } from './visibility.ts';

export function pgGreetings(db: PgExecutor): GreetingStore {
  return {
    async greetable(viewer) {
      // Booleans arrive as booleans: no 0/1 to translate as on SQLite.
      const rows = await db.execute<GreetablePerson & Record<string, unknown>>(sql`
        select p.id, p.name, p.title, p.birthday, p.birthday_lunar as "birthdayLunar", p.greeting_hook as "greetingHook",
          p.mobile, p.key_person as "keyPerson", c.id as "customerId", c.name as "customerName", c.tier
        from people p join customers c on c.id = p.customer_id
        where p.deleted_at is null and c.deleted_at is null and c.status <> 'lost' and ${visible(viewer, 'c')}
          and (p.birthday is not null or (c.tier = 'A' and p.key_person))
        order by p.id`);
      return rows.rows;
    },
    async greetedSince(since) {
      const rows = await db.execute<{ person_id: number }>(sql`
        select distinct person_id from interactions
        where kind = 'greeting' and deleted_at is null and person_id is not null and at >= ${since}
        order by person_id`);
      return rows.rows.map((r) => r.person_id);
    },
  };
}
