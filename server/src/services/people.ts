import type { KeyInput, PersonInput } from '@dossier/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { customerKeys, people } from '../db/schema.ts';
import { notFound } from '../lib/errors.ts';
import { addKeys, canonicalKey, insertPerson } from './customers.ts';
import { toKey, toPerson } from './mappers.ts';
import { reindexCustomer } from './search-index.ts';
import type { Viewer } from './visibility.ts';

// People and keys feed search and the page match, so every change reindexes the file in the same write.

export function addPerson(db: Db, customerId: number, input: PersonInput, now: Date) {
  const row = db.transaction((tx) => {
    const person = insertPerson(tx, customerId, input, now.toISOString());
    reindexCustomer(tx, customerId);
    return person;
  });
  return toPerson(row);
}

export function editPerson(db: Db, customerId: number, personId: number, patch: Partial<PersonInput>, now: Date) {
  const row = db.transaction((tx) => {
    const updated = tx
      .update(people)
      .set({
        ...patch,
        ...(patch.email ? { email: patch.email.toLowerCase() } : {}),
        updatedAt: now.toISOString(),
      })
      .where(and(eq(people.id, personId), eq(people.customerId, customerId), isNull(people.deletedAt)))
      .returning()
      .get();
    if (!updated) throw notFound('person');
    reindexCustomer(tx, customerId);
    return updated;
  });
  return toPerson(row);
}

export function removePerson(db: Db, customerId: number, personId: number, now: Date): void {
  db.transaction((tx) => {
    const gone = tx
      .update(people)
      .set({ deletedAt: now.toISOString() })
      .where(and(eq(people.id, personId), eq(people.customerId, customerId), isNull(people.deletedAt)))
      .returning({ id: people.id })
      .get();
    if (!gone) throw notFound('person');
    reindexCustomer(tx, customerId);
  });
}

/** Adds one key; a key another file holds is a 409 that names it only to a viewer who may see it. */
export function addCustomerKey(db: Db, customerId: number, input: KeyInput, now: Date, viewer: Viewer) {
  const key = db.transaction((tx) => {
    const k = canonicalKey(input);
    addKeys(tx, customerId, [k], now.toISOString(), 'fail', viewer);
    reindexCustomer(tx, customerId);
    return tx
      .select()
      .from(customerKeys)
      .where(and(eq(customerKeys.kind, k.kind), eq(customerKeys.value, k.value)))
      .get();
  });
  if (!key) throw notFound('key');
  return toKey(key);
}

export function removeCustomerKey(db: Db, customerId: number, keyId: number): void {
  db.transaction((tx) => {
    const gone = tx
      .delete(customerKeys)
      .where(and(eq(customerKeys.id, keyId), eq(customerKeys.customerId, customerId)))
      .returning({ id: customerKeys.id })
      .get();
    if (!gone) throw notFound('key');
    reindexCustomer(tx, customerId);
  });
}
