import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { interactions, replays } from '../../db/schema.pg.ts';
import { INTERACTION_OPERATION, type ReplayStore } from '../replays.ts';
import type { PgExecutor } from './executor.ts';
import { prepared } from './prepared.ts';

const $ = sql.placeholder;

// Every idempotent write asks both: named statements, planned once per connection. A key's
// record is looked up wherever it is kept: in replays, or in the row of the logged contact it wrote.
const seenStatement = (db: PgExecutor) =>
  prepared(db, 'replay_seen', (name) =>
    db
      .select({
        key: replays.key,
        userId: replays.userId,
        operation: replays.operation,
        fingerprint: replays.fingerprint,
      })
      .from(replays)
      .where(eq(replays.key, $('key')))
      .unionAll(
        db
          .select({
            key: interactions.idempotencyKey,
            userId: sql<number>`${interactions.requestedBy}`,
            operation: sql<string>`${INTERACTION_OPERATION}::text`,
            fingerprint: sql<string>`${interactions.requestFingerprint}`,
          })
          .from(interactions)
          .where(and(eq(interactions.idempotencyKey, $('key')), isNotNull(interactions.requestFingerprint))),
      )
      .limit(1)
      .prepare(name),
  );
const recordStatement = (db: PgExecutor) =>
  prepared(db, 'replay_record', (name) =>
    db
      .insert(replays)
      .values({
        key: $('key'),
        userId: $('userId'),
        operation: $('operation'),
        fingerprint: $('fingerprint'),
        at: $('at'),
      })
      .onConflictDoNothing()
      .returning({ key: replays.key })
      .prepare(name),
  );

export function pgReplays(db: PgExecutor): ReplayStore {
  return {
    async seen(key) {
      const [row] = await seenStatement(db).execute({ key });
      return row && { key: row.key, userId: row.userId, operation: row.operation, fingerprint: row.fingerprint };
    },
    /**
     * The key is the primary key: a request with the same key in another transaction makes this
     * insert wait for it, and once that one has committed nothing is inserted (false). A failed
     * plain insert would abort the whole transaction instead.
     */
    async record(r, at) {
      const written = await recordStatement(db).execute({
        key: r.key,
        userId: r.userId,
        operation: r.operation,
        fingerprint: r.fingerprint,
        at,
      });
      return written.length > 0;
    },
  };
}
