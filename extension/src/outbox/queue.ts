import { backoffDelay } from './backoff.ts';
import { EMPTY_OUTBOX, type OutboxItem, type OutboxOp, type OutboxState, type SendOutcome } from './types.ts';

export interface OutboxStore {
  load(): Promise<OutboxState>;
  save(state: OutboxState): Promise<void>;
}

export interface OutboxDeps {
  store: OutboxStore;
  /** One delivery attempt; may throw (treated as a transient failure). */
  send: (item: OutboxItem, state: Readonly<OutboxState>) => Promise<SendOutcome>;
  now?: () => number;
  random?: () => number;
  newId?: () => string;
  /** Arms a wake-up for the next attempt (timer + chrome.alarms); null when nothing waits. */
  schedule?: (at: number | null) => void;
}

export type DeliveredListener = (item: OutboxItem, outcome: Extract<SendOutcome, { kind: 'done' }>) => void;

/** How many idempotencyKey → id pairs are kept for undo; undo is offered for seconds, not weeks. */
const DELIVERED_KEPT = 200;

/**
 * The persistent, ordered write queue. Every change is written to the store before anything
 * is sent, so a crash or browser restart loses nothing; items leave the store only when the
 * server accepted them (2xx) or the user discarded a refused one. Delivery is strictly in
 * order: while the oldest pending write waits for its retry, the ones behind it wait too.
 */
export class Outbox {
  private chain: Promise<unknown> = Promise.resolve();
  private flushing: Promise<void> | null = null;
  private again = false;
  private force = false;
  private inFlight: string | null = null;
  private readonly delivered = new Set<DeliveredListener>();
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly newId: () => string;

  constructor(private readonly deps: OutboxDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  /** Called after each write the server accepted (to refresh the card it changed). */
  onDelivered(listener: DeliveredListener): () => void {
    this.delivered.add(listener);
    return () => this.delivered.delete(listener);
  }

  /** Serialises read-modify-write of the stored state (one background, many messages). */
  private mutate<T>(fn: (s: OutboxState) => T): Promise<T> {
    const run = async () => {
      const s = structuredClone(await this.deps.store.load());
      const result = fn(s);
      await this.deps.store.save(s);
      return result;
    };
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => {});
    return p;
  }

  async state(): Promise<OutboxState> {
    await this.chain;
    return this.deps.store.load();
  }

  async enqueue(op: OutboxOp, card: string): Promise<OutboxItem> {
    const t = this.now();
    const item: OutboxItem = {
      ...op,
      id: this.newId(),
      card,
      createdAt: t,
      attempts: 0,
      nextAttemptAt: t,
      status: 'pending',
    };
    await this.mutate((s) => {
      s.items.push(item);
    });
    void this.flush();
    return item;
  }

  /** Takes back a write that has not left yet. False when it is being sent or already gone. */
  cancel(id: string): Promise<boolean> {
    return this.mutate((s) => {
      const i = s.items.findIndex((x) => x.id === id && x.status === 'pending');
      if (i < 0 || this.inFlight === id) return false;
      s.items.splice(i, 1);
      return true;
    });
  }

  /** The user's "discard" of a refused write. */
  discard(id: string): Promise<boolean> {
    return this.mutate((s) => {
      const i = s.items.findIndex((x) => x.id === id);
      if (i < 0 || this.inFlight === id) return false;
      s.items.splice(i, 1);
      return true;
    });
  }

  /** Sends a refused (or waiting) write again now, optionally with corrected fields. */
  async retry(id: string, patch?: (item: OutboxItem) => OutboxItem): Promise<boolean> {
    const found = await this.mutate((s) => {
      const i = s.items.findIndex((x) => x.id === id);
      const item = s.items[i];
      if (!item || this.inFlight === id) return false;
      const { error: _dropped, ...rest } = patch ? patch(item) : item;
      s.items[i] = { ...rest, status: 'pending', attempts: 0, nextAttemptAt: this.now() };
      return true;
    });
    if (found) await this.flush({ force: true });
    return found;
  }

  /**
   * Delivers what is due. `force` ignores the backoff of the head item — for moments we
   * have reason to think the server is back (settings changed, a read succeeded, "Sync now").
   */
  flush(opts: { force?: boolean } = {}): Promise<void> {
    if (opts.force) this.force = true;
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      try {
        do {
          this.again = false;
          await this.drain();
        } while (this.again);
      } catch (e) {
        // Storage trouble: nothing was removed, the next alarm tries again.
        console.error('[dossier] outbox flush failed', e);
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  private async drain(): Promise<void> {
    for (;;) {
      await this.chain;
      const state = await this.deps.store.load();
      const next = state.items.find((i) => i.status === 'pending');
      if (!next) {
        this.deps.schedule?.(null);
        if (state.sync.unreachable || state.sync.blocked) {
          await this.mutate((s) => {
            s.sync = { ...s.sync, unreachable: false, blocked: false };
          });
        }
        return;
      }
      if (!this.force && next.nextAttemptAt > this.now()) {
        this.deps.schedule?.(next.nextAttemptAt);
        return;
      }
      this.force = false;
      this.inFlight = next.id;
      let outcome: SendOutcome;
      try {
        outcome = await this.deps.send(next, state);
      } catch (e) {
        outcome = { kind: 'retry', unreachable: false, message: e instanceof Error ? e.message : String(e) };
      } finally {
        this.inFlight = null;
      }
      const retryAt = await this.mutate((s) => this.record(s, next, outcome));
      if (outcome.kind === 'done') for (const l of this.delivered) l(next, outcome);
      if (retryAt !== null) {
        this.deps.schedule?.(retryAt);
        return;
      }
    }
  }

  /** Applies one attempt's outcome to the state; returns the retry time when the queue must wait. */
  private record(s: OutboxState, sent: OutboxItem, outcome: SendOutcome): number | null {
    const t = this.now();
    const i = s.items.findIndex((x) => x.id === sent.id);
    const item = s.items[i];
    if (outcome.kind === 'done') {
      if (item) s.items.splice(i, 1);
      if (sent.op === 'interaction/create' && outcome.interactionId !== undefined) {
        s.delivered[sent.body.idempotencyKey] = outcome.interactionId;
        const keys = Object.keys(s.delivered);
        for (const k of keys.slice(0, Math.max(0, keys.length - DELIVERED_KEPT))) delete s.delivered[k];
      }
      s.sync = { unreachable: false, blocked: false, lastAttemptAt: t };
      return null;
    }
    if (!item) return null;
    if (outcome.kind === 'rejected') {
      // Kept for the user to fix or discard: never retried on its own, never dropped.
      item.status = 'rejected';
      item.error = outcome.error;
      s.sync = { unreachable: false, blocked: false, lastAttemptAt: t };
      return null;
    }
    item.attempts += 1;
    item.nextAttemptAt = t + backoffDelay(item.attempts, this.random);
    s.sync = {
      unreachable: outcome.kind === 'retry' && outcome.unreachable,
      blocked: outcome.kind === 'blocked',
      lastError: outcome.message,
      lastAttemptAt: t,
    };
    return item.nextAttemptAt;
  }
}

/** An in-memory store: for tests, and the shape the storage-backed one follows. */
export function memoryStore(initial: OutboxState = EMPTY_OUTBOX): OutboxStore & { data: OutboxState } {
  const box = { data: structuredClone(initial) };
  return {
    get data() {
      return box.data;
    },
    load: async () => structuredClone(box.data),
    save: async (s) => {
      box.data = structuredClone(s);
    },
  };
}
