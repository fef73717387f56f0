import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { type Conn, preparedOn, rawStatement } from '../db/client.ts';
import { replays } from '../db/schema.ts';
import { ApiError } from '../lib/errors.ts';
import type { Viewer } from './visibility.ts';

/**
 * The one rule of every idempotent write. A key answers its first result again only to the same
 * user sending the same request: the same operation on the same target with the same validated
 * body. Anything else sent with a used key — another user, another file, another body — is a 409
 * that says nothing about the first request, so a key never leaks another member's answer.
 */
export interface Replayable {
  /** The idempotency key the client sent. */
  key: string;
  /** What is being done, e.g. 'interaction' or 'merge'. */
  operation: string;
  /** A hash of the operation and the validated request, its target included (see `replayable`). */
  fingerprint: string;
}

const taken = () =>
  new ApiError('conflict', 'this idempotency key was already used for another request; send a new one');

/** Object keys sorted at every level and undefined left out, so the same request always hashes the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k, v]) => v !== undefined && k !== 'idempotencyKey')
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** A request as the rule compares it; plain data, so it can go to the import worker. */
export function replayable(key: string, operation: string, request: unknown): Replayable {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([operation, canonical(request)]))
    .digest('hex');
  return { key, operation, fingerprint };
}

const $ = sql.placeholder;
type Seen = { user_id: number; operation: string; fingerprint: string };

// A replay check runs on every logged call, the commonest write: its statements are prepared once per connection.
const statements = preparedOn((q) => {
  const client = q.$client;
  const insert = q.insert(replays).values({ key: '', userId: 0, operation: '', fingerprint: '', at: '' }).toSQL();
  return {
    seen: rawStatement<Seen>(
      client,
      q
        .select()
        .from(replays)
        .where(eq(replays.key, $('key'))),
    ),
    // drizzle wraps an insert's placeholders, which rawStatement can't bind: its SQL, bound by position
    // in the table's column order.
    record: client.prepare<[string, number, string, string, string]>(insert.sql),
  };
});

/**
 * What the key wrote, when this is the same user's same request again; undefined for a new key;
 * the 409 for anything else. `first` is the feature's lookup of what the key wrote. A key the
 * feature's table holds without a record here (written before this rule, or by an import) has
 * nothing to compare the request with: a 409 as well. Checks only — for work done before the
 * write (reading an uploaded file), which then calls `replayOf` inside it.
 */
export function priorOf<T>(
  conn: Conn,
  r: Replayable,
  viewer: Viewer,
  first: () => T | null | undefined,
): T | undefined {
  const seen = statements(conn).seen({ key: r.key });
  const answer = first() ?? undefined;
  if (!seen) {
    if (answer !== undefined) throw taken();
    return undefined;
  }
  if (seen.user_id !== viewer.id || seen.operation !== r.operation || seen.fingerprint !== r.fingerprint) throw taken();
  if (answer === undefined) throw taken();
  return answer;
}

/**
 * `priorOf` inside the write's transaction: a replay gets the first result (the caller writes
 * nothing and answers it); a new key is recorded now, so it rolls back with a write that fails.
 */
export function replayOf<T>(
  tx: Conn,
  r: Replayable,
  viewer: Viewer,
  at: string,
  first: () => T | null | undefined,
): T | undefined {
  const prior = priorOf(tx, r, viewer, first);
  if (prior === undefined) statements(tx).record.run(r.key, viewer.id, r.operation, r.fingerprint, at);
  return prior;
}
