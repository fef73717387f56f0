import { eq } from 'drizzle-orm';
import { commitments } from '../../db/schema.pg.ts';
import type { CommitmentStore } from '../commitments.ts';
import type { PgExecutor } from './executor.ts';
import { keyTaken } from './interactions.ts';

export function pgCommitments(db: PgExecutor): CommitmentStore {
  const byKey = async (key: string) => {
    const [row] = await db.select().from(commitments).where(eq(commitments.idempotencyKey, key));
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
    async markKept(id, at) {
      const [row] = await db.update(commitments).set({ keptAt: at }).where(eq(commitments.id, id)).returning();
      if (!row) throw new Error(`no commitment ${id}`);
      return row;
    },
  };
}
