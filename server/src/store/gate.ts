/**
 * One transaction at a time on one connection. An async transaction yields between its
 * statements, and anything else run on that connection meanwhile — another request's write, or
 * its read of rows not yet committed — would land inside it (and roll back with it). So
 * transactions queue here, and work outside a transaction waits while one is open.
 *
 * Work inside a transaction that reaches for the outer store would wait for itself. Telling
 * that caller apart from another request's would take AsyncLocalStorage, whose promise hooks
 * slow every await in the process (Node 20); instead a wait that lasts far longer than any
 * transaction here is refused with an error naming the likely cause.
 */
export class Gate {
  #tail: Promise<void> = Promise.resolve();
  #open = false;
  /** Transactions running or queued: the first of a quiet connection starts without waiting. */
  #pending = 0;

  constructor(private readonly patienceMs = 30_000) {}

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
    if (this.#pending++ > 0) {
      try {
        await this.#patiently(before);
      } catch (e) {
        // Refused: the transactions queued after this one must not wait for it.
        this.#pending--;
        before.then(release, release);
        throw e;
      }
    }
    this.#open = true;
    try {
      return await work();
    } finally {
      this.#open = false;
      this.#pending--;
      release();
    }
  }

  /** Resolves when no transaction is open or queued. */
  async idle(): Promise<void> {
    while (this.#open) await this.#patiently(this.#tail);
  }

  /** `done`, or an error after the patience runs out (a wait that long is a wait for itself). */
  async #patiently(done: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `waited ${this.patienceMs} ms for a transaction to end: is work inside a transaction using the outer store instead of the one it was given?`,
            ),
          ),
        this.patienceMs,
      );
    });
    try {
      await Promise.race([done, late]);
    } finally {
      clearTimeout(timer);
    }
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
    // Checked again after each wait: a transaction may begin between the wait's end and the call.
    const call = (args: unknown[]): Promise<unknown> =>
      gate.open ? gate.idle().then(() => call(args)) : method.apply(repo, args);
    out[name] = (...args: unknown[]) => call(args);
  }
  return out as R;
}
