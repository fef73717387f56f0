import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { type Db, preparedOn, rawStatement } from '../../db/client.ts';
import { interactions, replays } from '../../db/schema.ts';
import { INTERACTION_OPERATION, type ReplayRecord, type ReplayStore } from '../replays.ts';

const $ = sql.placeholder;
type Seen = { key: string; user_id: number; operation: string; fingerprint: string };

/**
 * A key's record, wherever it is kept: in replays, or in the row of the logged contact it wrote
 * (INTERACTION_OPERATION). Keys are one space across operations: a key a contact used is taken
 * for a capture too.
 */
const keyRecords = (q: Db) =>
  q
    .select({
      key: replays.key,
      user_id: replays.userId,
      operation: replays.operation,
      fingerprint: replays.fingerprint,
    })
    .from(replays)
    .where(eq(replays.key, $('key')))
    .unionAll(
      q
        .select({
          key: interactions.idempotencyKey,
          user_id: sql<number>`${interactions.requestedBy}`,
          operation: sql<string>`${INTERACTION_OPERATION}`,
          fingerprint: sql<string>`${interactions.requestFingerprint}`,
        })
        .from(interactions)
        .where(and(eq(interactions.idempotencyKey, $('key')), isNotNull(interactions.requestFingerprint))),
    )
    .limit(1);

// A replay check runs on every logged call, the commonest write: its statements are prepared once per connection.
const statements = preparedOn((q) => {
  const client = q.$client;
  const insert = q.insert(replays).values({ key: '', userId: 0, operation: '', fingerprint: '', at: '' }).toSQL();
  return {
    seen: rawStatement<Seen>(client, keyRecords(q)),
    // drizzle wraps an insert's placeholders, which rawStatement can't bind: its SQL, bound by position
    // in the table's column order.
    record: client.prepare<[string, number, string, string, string]>(insert.sql),
  };
});

function seenOn(conn: Db, key: string): ReplayRecord | undefined {
  const row = statements(conn).seen.get({ key });
  return row && { key: row.key, userId: row.user_id, operation: row.operation, fingerprint: row.fingerprint };
}

function recordOn(conn: Db, r: ReplayRecord, at: string): void {
  statements(conn).record.run(r.key, r.userId, r.operation, r.fingerprint, at);
}

export function sqliteReplays(db: Db): ReplayStore {
  return {
    async seen(key) {
      return seenOn(db, key);
    },
    // Writers take turns on SQLite: no other transaction can have recorded the key since it was looked up.
    async record(r, at) {
      recordOn(db, r, at);
      return true;
    },
  };
}
