import { and, asc, desc, eq, isNull, max } from 'drizzle-orm';
import { commitments, customers, interactions, materials, parcels, tierChanges } from '../../db/schema.pg.ts';
import type { CustomerFileStore } from '../customer-files.ts';
import { inTransaction } from './due.ts';
import type { PgExecutor } from './executor.ts';

export function pgCustomerFiles(db: PgExecutor): CustomerFileStore {
  const ofMaterial = (customerId: number, materialId: number) =>
    and(eq(materials.id, materialId), eq(materials.customerId, customerId));
  return {
    async contacts(customerId) {
      return db
        .select()
        .from(interactions)
        .where(and(eq(interactions.customerId, customerId), isNull(interactions.deletedAt)))
        .orderBy(desc(interactions.at), desc(interactions.id));
    },
    async tierChanges(customerId) {
      return db.select().from(tierChanges).where(eq(tierChanges.customerId, customerId)).orderBy(asc(tierChanges.id));
    },
    async parcels(customerId) {
      return db.select().from(parcels).where(eq(parcels.customerId, customerId)).orderBy(desc(parcels.id));
    },
    async commitments(customerId) {
      return db
        .select()
        .from(commitments)
        .where(eq(commitments.customerId, customerId))
        .orderBy(asc(commitments.dueAt), asc(commitments.id));
    },
    async materials(customerId) {
      return db.select().from(materials).where(eq(materials.customerId, customerId)).orderBy(asc(materials.number));
    },
    /**
     * The next number is max()+1, which two transactions would both read: the customer row is
     * locked first (the lock the due fields take), so the second reads after the first commits.
     */
    async addMaterial(customerId, m, at) {
      const add = async (tx: PgExecutor) => {
        await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).for('no key update');
        const [last] = await tx
          .select({ n: max(materials.number) })
          .from(materials)
          .where(eq(materials.customerId, customerId));
        const [row] = await tx
          .insert(materials)
          .values({
            customerId,
            number: (last?.n ?? 0) + 1,
            title: m.title,
            url: m.url,
            fileName: m.fileName,
            mimeType: m.mimeType,
            content:
              m.content === null ? null : Buffer.from(m.content.buffer, m.content.byteOffset, m.content.byteLength),
            createdAt: at,
          })
          .returning();
        if (!row) throw new Error('the material was not written');
        return row;
      };
      return inTransaction(db, add);
    },
    async material(customerId, materialId) {
      const [row] = await db.select().from(materials).where(ofMaterial(customerId, materialId));
      return row;
    },
    async removeMaterial(customerId, materialId) {
      const gone = await db.delete(materials).where(ofMaterial(customerId, materialId)).returning({ id: materials.id });
      return gone.length > 0;
    },
  };
}
