import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One transaction at a time on one connection. An async transaction yields between its
 * statements, and anything else run on that connection meanwhile — another request's write, or
 * its read of rows not yet committed — would land inside it (and roll back with it). So
 * transactions queue here, and work outside a transaction waits while one is open. Work inside
 * a transaction that reaches for the store outside it would wait for itself: that is refused
 * with an error instead of hanging.
 */
export class Gate {
  #tail: Promise<void> = Promise.resolve();
  #open = false;
  readonly #inside = new AsyncLocalStorage<true>();

  /** True while a transaction holds the connection. */
  get open(): boolean {
    return this.#open;
  }

  /** Runs `work` alone on the connection, after the transactions queued before it. */
  async alone<T>(work: () => Promise<T>): Promise<T> {
    const before = this.#tail;
    let release!: () => void;
    this.#tail = new Promise<void>((r) => {
      release = r;
    });
    await before;
    this.#open = true;
    try {
      return await this.#inside.run(true, work);
    } finally {
      this.#open = false;
      release();
    }
  }

  /** Resolves when no transaction is open or queued; refuses a caller that is itself inside the open one. */
  async idle(): Promise<void> {
    if (this.#inside.getStore()) {
      throw new Error('inside a transaction, use the store it was given (the outer one would wait for it)');
    }
    while (this.#open) await this.#tail;
  }
}

/**
 * The same repository, each method waiting first while a transaction is open. Only the
 * store outside transactions is guarded; the one handed to a transaction runs directly.
 */
export function guarded<R extends object>(repo: R, gate: Gate): R {
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(repo)) {
    if (typeof member !== 'function') {
      out[name] = member;
      continue;
    }
    const method = member as (...args: unknown[]) => Promise<unknown>;
    out[name] = (...args: unknown[]) =>
      gate.open ? gate.idle().then(() => method.apply(repo, args)) : method.apply(repo, args);
  }
  return out as R;
}
