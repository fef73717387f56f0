/**
 * `compute` remembered per argument, for pure answers that are asked again and again (a number's
 * parse, a day's workday status): at most `max` kept, then started over — no bookkeeping per call.
 */
export function memoised<K, V>(max: number, compute: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    if (kept.has(key)) return kept.get(key) as V;
    const value = compute(key);
    if (kept.size >= max) kept.clear();
    kept.set(key, value);
    return value;
  };
}
