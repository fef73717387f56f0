import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { commitments } from '../../db/schema.ts';
import type { CommitmentStore } from '../commitments.ts';

export function sqliteCommitments(db: Db): CommitmentStore {
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
      return db.update(commitments).set({ keptAt: at }).where(eq(commitments.id, id)).returning().get();
    },
  };
}
