import { eq } from 'drizzle-orm';
import { replays } from '../../db/schema.pg.ts';
import { ApiError } from '../../lib/errors.ts';
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
     * insert wait for it, and once it has committed nothing is inserted. This transaction checked
     * the key before that write was visible, so it cannot give that request's answer: a conflict,
     * and sending it again replays it. (A failed plain insert would abort the whole transaction.)
     */
    async record(r, at) {
      const written = await db
        .insert(replays)
        .values({ key: r.key, userId: r.userId, operation: r.operation, fingerprint: r.fingerprint, at })
        .onConflictDoNothing()
        .returning({ key: replays.key });
      if (!written.length) {
        throw new ApiError(
          'conflict',
          'this idempotency key was used by a request that completed meanwhile; send it again for its answer',
        );
      }
    },
  };
}
