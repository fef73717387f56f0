import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.ts';
import type { Store } from '../store/store.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Who may write to the database now. The request loop's writes queue on its store (store/gate.ts),
 * so two of them never overlap; an import's write runs in the parse worker on its own connection, and while its
 * transaction is open a write on the loop would wait for SQLite's lock in busy_timeout — the
 * whole loop held, every user with it. So write requests pass this gate: each holds a shared
 * lease from start to finish (its audit row included), an import's write takes the gate alone
 * (waiting for the leases out, and new write requests wait behind it, without blocking the loop),
 * and reads never wait.
 */
export class WriteGate {
  private shared = 0;
  private exclusive = false;
  private waiting: { exclusive: boolean; go: () => void }[] = [];

  /** Waits (asynchronously) until no import is writing; the lease is released by the returned function. */
  async enter(): Promise<() => void> {
    if (this.exclusive || this.waiting.length)
      await new Promise<void>((go) => this.waiting.push({ exclusive: false, go }));
    else this.shared++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.shared--;
      this.pump();
    };
  }

  /** Runs `fn` with the gate held alone: no write request runs on the loop meanwhile. */
  async alone<T>(fn: () => Promise<T>): Promise<T> {
    if (this.exclusive || this.shared || this.waiting.length) {
      await new Promise<void>((go) => this.waiting.push({ exclusive: true, go }));
    } else this.exclusive = true;
    try {
      return await fn();
    } finally {
      this.exclusive = false;
      this.pump();
    }
  }

  /** True while an import holds the gate (tests and diagnostics). */
  get held(): boolean {
    return this.exclusive;
  }

  /** First come, first served: leases in a row go together; one writing alone waits for them to end. */
  private pump() {
    while (this.waiting.length && !this.exclusive) {
      const next = this.waiting[0] as { exclusive: boolean; go: () => void };
      if (next.exclusive) {
        if (this.shared) return;
        this.waiting.shift();
        this.exclusive = true;
        next.go();
        return;
      }
      this.waiting.shift();
      this.shared++;
      next.go();
    }
  }
}

const gates = new WeakMap<Store, WriteGate>();

/** The gate of a store (the request loop writes through one). */
export function gateOf(store: Store): WriteGate {
  let g = gates.get(store);
  if (!g) {
    g = new WriteGate();
    gates.set(store, g);
  }
  return g;
}

const leases = new WeakMap<Request, () => void>();

/** Write requests wait while an import writes, then hold a shared lease until they are answered. */
export function writeGate(deps: AppDeps): MiddlewareHandler {
  const gate = gateOf(deps.store);
  return async (c, next) => {
    if (!WRITES.has(c.req.method)) return next();
    const release = await gate.enter();
    leases.set(c.req.raw, release);
    try {
      await next();
    } finally {
      leases.get(c.req.raw)?.();
      leases.delete(c.req.raw);
    }
  };
}

/**
 * Runs an import's write (in the worker) with the gate held alone, from inside a write request:
 * the request's own lease is given up first (two imports waiting on each other's leases would
 * never start) and taken again after, so the audit row it writes is covered.
 */
export async function writeAlone<T>(c: Context, store: Store, fn: () => Promise<T>): Promise<T> {
  const gate = gateOf(store);
  leases.get(c.req.raw)?.();
  leases.delete(c.req.raw);
  try {
    return await gate.alone(fn);
  } finally {
    if (WRITES.has(c.req.method)) leases.set(c.req.raw, await gate.enter());
  }
}
