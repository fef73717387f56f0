import type { PersonInput } from '@dossier/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema.ts';
import { toPerson } from '../../services/mappers.ts';
import type { PeopleStore } from '../people.ts';

/**
 * Inserts a person of the customer and returns the row (`PeopleStore.insert`).
 */
function insertPerson(db: Db, customerId: number, p: PersonInput, now: string) {
  return db
    .insert(people)
    .values({
      ...p,
      keyPerson: p.keyPerson ?? false,
      email: p.email?.toLowerCase(),
      customerId,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
}

export function sqlitePeople(db: Db): PeopleStore {
  const livePerson = (customerId: number, personId: number) =>
    and(eq(people.id, personId), eq(people.customerId, customerId), isNull(people.deletedAt));
  return {
    async insert(customerId, person, at) {
      return toPerson(insertPerson(db, customerId, person, at));
    },
    async update(customerId, personId, patch, at) {
      const row = db
        .update(people)
        .set({ ...patch, ...(patch.email ? { email: patch.email.toLowerCase() } : {}), updatedAt: at })
        .where(livePerson(customerId, personId))
        .returning()
        .get();
      return row && toPerson(row);
    },
    async remove(customerId, personId, at) {
      const gone = db
        .update(people)
        .set({ deletedAt: at })
        .where(livePerson(customerId, personId))
        .returning({ id: people.id })
        .get();
      return gone !== undefined;
    },
  };
}
