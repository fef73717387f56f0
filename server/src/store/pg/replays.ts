import { eq } from 'drizzle-orm';
import { replays } from '../../db/schema.pg.ts';
import type { ReplayStore } from '../replays.ts';
import type { PgExecutor } from './executor.ts';

export function pgReplays(db: PgExecutor): ReplayStore {
  return {
    async seen(key) {
      const [row] = await db.select().from(replays).where(eq(replays.key, key));
      return row && { key: row.key, userId: row.userId, operation: row.operation, fingerprint: row.fingerprint };
    },
    /**
     * The key is the primary key: a request with the same key in another transaction makes this
     * insert wait for it, and once that one has committed nothing is inserted (false). A failed
     * plain insert would abort the whole transaction instead.
     */
    async record(r, at) {
      const written = await db
        .insert(replays)
        .values({ key: r.key, userId: r.userId, operation: r.operation, fingerprint: r.fingerprint, at })
        .onConflictDoNothing()
        .returning({ key: replays.key });
      return written.length > 0;
    },
  };
}
