import { and, eq, isNull } from 'drizzle-orm';
import { commitments } from '../../db/schema.pg.ts';
import type { CommitmentStore } from '../commitments.ts';
import type { PgExecutor } from './executor.ts';
import { keyTaken } from './interactions.ts';

export function pgCommitments(db: PgExecutor): CommitmentStore {
  const byKey = async (key: string) => {
    const [row] = await db.select().from(commitments).where(eq(commitments.idempotencyKey, key));
    return row;
  };
  const stillOpen = and(isNull(commitments.keptAt), isNull(commitments.withdrawnAt));
  const set = async (id: number, values: Partial<typeof commitments.$inferInsert>) => {
    const [row] = await db
      .update(commitments)
      .set(values)
      .where(and(eq(commitments.id, id), stillOpen))
      .returning();
    return row;
  };
  return {
    byKey,
    async byId(id) {
      const [row] = await db.select().from(commitments).where(eq(commitments.id, id));
      return row;
    },
    async insert(row) {
      // ON CONFLICT: a key taken meanwhile is a 409, not an aborted transaction.
      const [written] = await db.insert(commitments).values(row).onConflictDoNothing().returning();
      if (!written) throw keyTaken();
      return written;
    },
    markKept: (id, at) => set(id, { keptAt: at }),
    update: (id, changes) => set(id, changes),
    markWithdrawn: (id, at, reason) => set(id, { withdrawnAt: at, withdrawnReason: reason }),
    async withdrawOpen(customerId, at, reason) {
      await db
        .update(commitments)
        .set({ withdrawnAt: at, withdrawnReason: reason })
        .where(and(eq(commitments.customerId, customerId), stillOpen));
    },
    async remove(id) {
      await db.delete(commitments).where(eq(commitments.id, id));
    },
  };
}
