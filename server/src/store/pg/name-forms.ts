import { keyValue, searchForms } from '@dossier/shared';
import { and, eq } from 'drizzle-orm';
import { customerKeys, customers, namesToRefresh } from '../../db/schema.pg.ts';
import type { PgExecutor } from './executor.ts';
import { reindex } from './search.ts';

/**
 * Works out again the name forms of the files a migration listed in names_to_refresh, as
 * store/sqlite/name-forms.ts does, in one transaction. The list is emptied first, with its rows
 * locked: a second app process starting at the same time waits, then finds it empty.
 */
export async function refreshListedNames(db: PgExecutor): Promise<number> {
  if ((await db.select({ id: namesToRefresh.customerId }).from(namesToRefresh).limit(1)).length === 0) return 0;
  return db.transaction(async (tx) => {
    const listed = await tx.delete(namesToRefresh).returning({ id: namesToRefresh.customerId });
    for (const { id } of listed) {
      const [file] = await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, id));
      if (!file) continue;
      const forms = searchForms(file.name);
      await tx
        .update(customers)
        .set({ normalizedName: forms.normalised, initials: forms.initials, pinyin: forms.pinyin })
        .where(eq(customers.id, id));
      const keys = await tx
        .select({ id: customerKeys.id, value: customerKeys.value })
        .from(customerKeys)
        .where(and(eq(customerKeys.customerId, id), eq(customerKeys.kind, 'name')));
      for (const k of keys) {
        const value = keyValue('name', k.value);
        if (!value || value === k.value) continue;
        const [taken] = await tx
          .select({ id: customerKeys.id })
          .from(customerKeys)
          .where(and(eq(customerKeys.kind, 'name'), eq(customerKeys.value, value)));
        if (!taken) await tx.update(customerKeys).set({ value }).where(eq(customerKeys.id, k.id));
      }
      await reindex(tx, id);
    }
    return listed.length;
  });
}
