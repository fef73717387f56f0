import { createHash } from 'node:crypto';
import { ApiError } from '../lib/errors.ts';
import type { ReplayRecord } from '../store/replays.ts';
import type { Store } from '../store/store.ts';
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

/**
 * The rule itself, given what the key's record holds (`seen`) and what the feature's table holds
 * for the key (`answer`): the answer again, undefined for a new key, or the 409. A key the
 * feature's table holds without a record (written before this rule, or by an import) has nothing
 * to compare the request with: a 409 as well.
 */
export function judgeReplay<T>(
  seen: ReplayRecord | undefined,
  r: Replayable,
  viewer: Viewer,
  answer: T | undefined,
): T | undefined {
  if (!seen) {
    if (answer !== undefined) throw taken();
    return undefined;
  }
  if (seen.userId !== viewer.id || seen.operation !== r.operation || seen.fingerprint !== r.fingerprint) throw taken();
  if (answer === undefined) throw taken();
  return answer;
}

/**
 * What the key wrote, when this is the same user's same request again; undefined for a new key;
 * the 409 for anything else. `first` is the feature's lookup of what the key wrote. Checks only —
 * for work done before the write (reading an uploaded file), which then calls `replayOf` inside it.
 */
export async function priorOf<T>(
  store: Store,
  r: Replayable,
  viewer: Viewer,
  first: () => Promise<T | null | undefined>,
): Promise<T | undefined> {
  let seen = await store.replays.seen(r.key);
  const answer = (await first()) ?? undefined;
  // On PostgreSQL each statement sees what was committed when it began: a request with the same
  // key committing between the two reads shows its answer without its record. Both were written
  // by one transaction, so the record is there when asked again (a 409 otherwise).
  if (!seen && answer !== undefined) seen = await store.replays.seen(r.key);
  return judgeReplay(seen, r, viewer, answer);
}

/**
 * `priorOf` inside the write's transaction: a replay gets the first result (the caller writes
 * nothing and answers it); a new key is recorded now, so it rolls back with a write that fails.
 * (A logged contact keeps its record in its own row instead: it asks `priorOf`, writes the row
 * with `requestOf`, and answers a row its insert found taken with `raced`.)
 */
export async function replayOf<T>(
  tx: Store,
  r: Replayable,
  viewer: Viewer,
  at: string,
  first: () => Promise<T | null | undefined>,
): Promise<T | undefined> {
  const prior = await priorOf(tx, r, viewer, first);
  if (prior !== undefined) return prior;
  const record = { key: r.key, userId: viewer.id, operation: r.operation, fingerprint: r.fingerprint };
  if (await tx.replays.record(record, at)) return undefined;
  return raced(tx, r, viewer, first);
}

/**
 * The same key was sent twice at once and the other request committed while this one waited:
 * its record and answer are visible now, so this is answered as its replay (or the 409).
 */
export async function raced<T>(
  tx: Store,
  r: Replayable,
  viewer: Viewer,
  first: () => Promise<T | null | undefined>,
): Promise<T> {
  const prior = await priorOf(tx, r, viewer, first);
  if (prior === undefined) throw taken();
  return prior;
}

/** What a row that keeps its own replay record is written with. */
export const requestOf = (r: Replayable, viewer: Viewer) => ({
  requestedBy: viewer.id,
  requestFingerprint: r.fingerprint,
});
