import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { commitments } from '../../db/schema.ts';
import type { CommitmentStore } from '../commitments.ts';

export function sqliteCommitments(db: Db): CommitmentStore {
  const stillOpen = and(isNull(commitments.keptAt), isNull(commitments.withdrawnAt));
  const set = (id: number, values: Partial<typeof commitments.$inferInsert>) =>
    db
      .update(commitments)
      .set(values)
      .where(and(eq(commitments.id, id), stillOpen))
      .returning()
      .get();
  return {
    async byKey(key) {
      return db.select().from(commitments).where(eq(commitments.idempotencyKey, key)).get();
    },
    async byId(id) {
      return db.select().from(commitments).where(eq(commitments.id, id)).get();
    },
    async insert(row) {
      return db.insert(commitments).values(row).returning().get();
    },
    async markKept(id, at) {
      return set(id, { keptAt: at });
    },
    async update(id, changes) {
      return set(id, changes);
    },
    async markWithdrawn(id, at, reason) {
      return set(id, { withdrawnAt: at, withdrawnReason: reason });
    },
    async withdrawOpen(customerId, at, reason) {
      db.update(commitments)
        .set({ withdrawnAt: at, withdrawnReason: reason })
        .where(and(eq(commitments.customerId, customerId), stillOpen))
        .run();
    },
    async remove(id) {
      db.delete(commitments).where(eq(commitments.id, id)).run();
    },
  };
}
