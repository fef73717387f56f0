/**
 * One capture reads the same DOM several times over (adapter detection, then extraction):
 * within `withCaptureCache`, derived views of a node are computed once. Outside it (the page
 * may have changed since) nothing is kept.
 */
let cache: Map<string, WeakMap<object, unknown>> | null = null;

export function withCaptureCache<T>(fn: () => T): T {
  const outer = cache;
  cache = new Map();
  try {
    return fn();
  } finally {
    cache = outer;
  }
}

/** The capture's store for one kind of derived view, or null outside a capture. */
export function captureStore(kind: string): WeakMap<object, unknown> | null {
  if (!cache) return null;
  let byKey = cache.get(kind);
  if (!byKey) {
    byKey = new WeakMap();
    cache.set(kind, byKey);
  }
  return byKey;
}

export function memo<T>(kind: string, key: object, make: () => T): T {
  const byKey = captureStore(kind);
  if (!byKey) return make();
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = make();
  byKey.set(key, value);
  return value;
}
