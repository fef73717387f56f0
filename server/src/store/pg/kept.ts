import type { Writes } from '../writes.ts';

/**
 * What a team server keeps between requests without asking PostgreSQL again (an accepted token,
 * the settings): for `ttlMs` at most — another app process may change it, and nothing here hears
 * of that — and not past a write of this process to what it was read from (`Writes`).
 */
export interface KeepOptions {
  /** How long an answer is kept. */
  ttlMs?: number;
  /** Milliseconds on a monotonic clock (injected by the test). */
  now?: () => number;
}

/** Answers by key, each read once per `ttlMs` and again after any write `writes` counts; `max` kept, then started over. */
export function keptAnswers<K, V>(writes: Writes, options: KeepOptions = {}, max = 1000) {
  const ttlMs = options.ttlMs ?? 1000;
  const now = options.now ?? (() => performance.now());
  const kept = new Map<K, { value: V; until: number; writes: number }>();
  return async (key: K, read: () => Promise<V | undefined>): Promise<V | undefined> => {
    const k = kept.get(key);
    if (k && k.writes === writes.count && now() < k.until) return k.value;
    const before = writes.count;
    const value = await read();
    if (value === undefined) kept.delete(key);
    else {
      if (kept.size >= max) kept.clear();
      kept.set(key, { value, until: now() + ttlMs, writes: before });
    }
    return value;
  };
}
