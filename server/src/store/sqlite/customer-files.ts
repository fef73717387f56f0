import { and, asc, desc, eq, isNull, max } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { commitments, interactions, materials, parcels, tierChanges } from '../../db/schema.ts';
import type { CustomerFileStore } from '../customer-files.ts';

export function sqliteCustomerFiles(db: Db): CustomerFileStore {
  const ofMaterial = (customerId: number, materialId: number) =>
    and(eq(materials.id, materialId), eq(materials.customerId, customerId));
  return {
    async contacts(customerId) {
      return db
        .select()
        .from(interactions)
        .where(and(eq(interactions.customerId, customerId), isNull(interactions.deletedAt)))
        .orderBy(desc(interactions.at), desc(interactions.id))
        .all();
    },
    async tierChanges(customerId) {
      return db
        .select()
        .from(tierChanges)
        .where(eq(tierChanges.customerId, customerId))
        .orderBy(asc(tierChanges.id))
        .all();
    },
    async parcels(customerId) {
      return db.select().from(parcels).where(eq(parcels.customerId, customerId)).orderBy(desc(parcels.id)).all();
    },
    async commitments(customerId) {
      return db
        .select()
        .from(commitments)
        .where(eq(commitments.customerId, customerId))
        .orderBy(asc(commitments.dueAt))
        .all();
    },
    async materials(customerId) {
      return db
        .select()
        .from(materials)
        .where(eq(materials.customerId, customerId))
        .orderBy(asc(materials.number))
        .all();
    },
    async addMaterial(customerId, m, at) {
      const last = db
        .select({ n: max(materials.number) })
        .from(materials)
        .where(eq(materials.customerId, customerId))
        .get();
      return db
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
        .returning()
        .get();
    },
    async material(customerId, materialId) {
      return db.select().from(materials).where(ofMaterial(customerId, materialId)).get();
    },
    async removeMaterial(customerId, materialId) {
      const gone = db.delete(materials).where(ofMaterial(customerId, materialId)).returning({ id: materials.id }).get();
      return gone !== undefined;
    },
  };
}
