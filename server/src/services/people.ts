import type { Key, KeyInput, Person, PersonInput } from '@dossier/shared';
import { notFound } from '../lib/errors.ts';
import type { Store } from '../store/store.ts';
import { BY_HAND, recording } from './contact-points.ts';
import { canonicalKey } from './customers.ts';
import type { Viewer } from './visibility.ts';

// People and keys feed search and the page match, so every change reindexes the file in the same write.
// A change to a file's people holds the file first (CustomerStore.lock), as a merge does before it
// reads them: a merge folding a person in fills that person's blanks from what it read, and an
// edit committed between its read and its write would otherwise be overwritten.

export async function addPerson(store: Store, customerId: number, input: PersonInput, now: Date): Promise<Person> {
  return store.transaction(async (tx) => {
    await tx.customers.lock([customerId]);
    const at = now.toISOString();
    const person = await recording(tx, customerId, BY_HAND, at, () => tx.people.insert(customerId, input, at));
    await tx.search.reindex(customerId);
    return person;
  });
}

export async function editPerson(
  store: Store,
  customerId: number,
  personId: number,
  patch: Partial<PersonInput>,
  now: Date,
): Promise<Person> {
  return store.transaction(async (tx) => {
    await tx.customers.lock([customerId]);
    const at = now.toISOString();
    const updated = await recording(tx, customerId, BY_HAND, at, () =>
      tx.people.update(customerId, personId, patch, at),
    );
    if (!updated) throw notFound('person');
    await tx.search.reindex(customerId);
    return updated;
  });
}

export async function removePerson(store: Store, customerId: number, personId: number, now: Date): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.customers.lock([customerId]);
    const at = now.toISOString();
    const removed = await recording(tx, customerId, BY_HAND, at, () => tx.people.remove(customerId, personId, at));
    if (!removed) throw notFound('person');
    await tx.search.reindex(customerId);
  });
}

/** Adds one key; a key another file holds is a 409 that names it only to a viewer who may see it. */
export async function addCustomerKey(
  store: Store,
  customerId: number,
  input: KeyInput,
  now: Date,
  viewer: Viewer,
): Promise<Key> {
  const key = await store.transaction(async (tx) => {
    const k = canonicalKey(input);
    await tx.customers.addKeys(customerId, [k], now.toISOString(), 'fail', viewer);
    await tx.search.reindex(customerId);
    return tx.customers.keyOf(k.kind, k.value);
  });
  if (!key) throw notFound('key');
  return key;
}

export async function removeCustomerKey(store: Store, customerId: number, keyId: number): Promise<void> {
  await store.transaction(async (tx) => {
    if (!(await tx.customers.removeKey(customerId, keyId))) throw notFound('key');
    await tx.search.reindex(customerId);
  });
}
