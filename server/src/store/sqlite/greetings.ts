import type { Tier } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { GreetingStore } from '../greetings.ts';
import { visible } from './visibility.ts';

type PersonRow = {
  id: number;
  name: string;
  title: string | null;
  birthday: string | null;
  birthday_lunar: number;
  greeting_hook: string | null;
  mobile: string | null;
  customer_id: number;
  customer_name: string;
  tier: Tier;
  key_person: number;
};

export function sqliteGreetings(db: Db): GreetingStore {
  return {
    async greetable(viewer) {
      const rows = db.all<PersonRow>(sql`
        select p.id, p.name, p.title, p.birthday, p.birthday_lunar, p.greeting_hook, p.mobile, p.key_person, c.id as customer_id, c.name as customer_name, c.tier
        from people p join customers c on c.id = p.customer_id
        where p.deleted_at is null and c.deleted_at is null and c.status <> 'lost' and ${visible(viewer, 'c')}
          and (p.birthday is not null or (c.tier = 'A' and p.key_person = 1))`);
      return rows.map((p) => ({
        id: p.id,
        name: p.name,
        title: p.title,
        birthday: p.birthday,
        birthdayLunar: p.birthday_lunar === 1,
        greetingHook: p.greeting_hook,
        mobile: p.mobile,
        keyPerson: p.key_person === 1,
        customerId: p.customer_id,
        customerName: p.customer_name,
        tier: p.tier,
      }));
    },
    async greetedSince(since) {
      return db
        .all<{ person_id: number }>(sql`
          select distinct person_id from interactions
          where kind = 'greeting' and deleted_at is null and person_id is not null and at >= ${since}`)
        .map((r) => r.person_id);
    },
  };
}
