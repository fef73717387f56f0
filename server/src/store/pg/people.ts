import { and, eq, isNull } from 'drizzle-orm';
import { people } from '../../db/schema.pg.ts';
import { toPerson } from '../../services/mappers.ts';
import type { PeopleStore } from '../people.ts';
import type { PgExecutor } from './executor.ts';

export function pgPeople(db: PgExecutor): PeopleStore {
  const livePerson = (customerId: number, personId: number) =>
    and(eq(people.id, personId), eq(people.customerId, customerId), isNull(people.deletedAt));
  return {
    async insert(customerId, p, at) {
      const [row] = await db
        .insert(people)
        .values({
          ...p,
          keyPerson: p.keyPerson ?? false,
          email: p.email?.toLowerCase(),
          customerId,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      if (!row) throw new Error('the person was not written');
      return toPerson(row);
    },
    async update(customerId, personId, patch, at) {
      const [row] = await db
        .update(people)
        .set({ ...patch, ...(patch.email ? { email: patch.email.toLowerCase() } : {}), updatedAt: at })
        .where(livePerson(customerId, personId))
        .returning();
      return row && toPerson(row);
    },
    async remove(customerId, personId, at) {
      const gone = await db
        .update(people)
        .set({ deletedAt: at })
        .where(livePerson(customerId, personId))
        .returning({ id: people.id });
      return gone.length > 0;
    },
  };
}
