import { keyValue, searchForms } from '@dossier/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { customerKeys, customers, namesToRefresh } from '../../db/schema.ts';
import { reindexCustomer } from './search.ts';

/**
 * Works out again the name forms of the files a migration listed in names_to_refresh (their
 * normalised name, initials and pinyin, their name keys, their search row) as this version
 * derives them, in one transaction, and empties the list. A name key whose new form another
 * key already holds keeps its old form: both files still have it, and nothing is dropped.
 * Answers how many files it refreshed: none on every opening after the one that did it.
 */
export function refreshListedNames(db: Db): number {
  // The common case, every opening after the one that refreshed: one lookup of an empty table.
  if (!db.select({ id: namesToRefresh.customerId }).from(namesToRefresh).limit(1).get()) return 0;
  return db.$client.transaction(() => {
    const listed = db.select({ id: namesToRefresh.customerId }).from(namesToRefresh).all();
    for (const { id } of listed) {
      const file = db.select({ name: customers.name }).from(customers).where(eq(customers.id, id)).get();
      if (!file) continue;
      const forms = searchForms(file.name);
      db.update(customers)
        .set({ normalizedName: forms.normalised, initials: forms.initials, pinyin: forms.pinyin })
        .where(eq(customers.id, id))
        .run();
      const keys = db
        .select({ id: customerKeys.id, value: customerKeys.value })
        .from(customerKeys)
        .where(and(eq(customerKeys.customerId, id), eq(customerKeys.kind, 'name')))
        .all();
      for (const k of keys) {
        const value = keyValue('name', k.value);
        if (!value || value === k.value) continue;
        const taken = db
          .select({ id: customerKeys.id })
          .from(customerKeys)
          .where(and(eq(customerKeys.kind, 'name'), eq(customerKeys.value, value)))
          .get();
        if (!taken) db.update(customerKeys).set({ value }).where(eq(customerKeys.id, k.id)).run();
      }
      reindexCustomer(db, id);
    }
    db.delete(namesToRefresh).run();
    return listed.length;
  })();
}
