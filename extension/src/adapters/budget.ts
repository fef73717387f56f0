/**
 * A time budget for one capture. A page of many megabytes (a land list of 20,000 rows, a
 * forum dump) must not freeze the tab or keep the panel waiting: the long loops — the walk
 * over the page's nodes and the land tables' rows — ask `outOfTime()` now and then and stop
 * reading when the budget is spent; the capture then says so in its warnings and holds what
 * was read by then. Outside `withBudget` (the CLI, the tests) there is no limit, so saved
 * fixtures always read whole.
 */
let deadline = Number.POSITIVE_INFINITY;
let spent = false;

export function withBudget<T>(ms: number, fn: () => T): { value: T; spent: boolean } {
  const outer = { deadline, spent };
  deadline = performance.now() + ms;
  spent = false;
  try {
    const value = fn();
    return { value, spent };
  } finally {
    deadline = outer.deadline;
    spent = outer.spent;
  }
}

/** True once the running capture's budget is spent (and from then on, cheaply). */
export function outOfTime(): boolean {
  if (spent) return true;
  if (deadline === Number.POSITIVE_INFINITY || performance.now() < deadline) return false;
  spent = true;
  return true;
}
