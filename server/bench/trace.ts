import type Database from 'better-sqlite3';
import type { Db } from '../src/db/client.ts';

export interface Traced {
  sql: string;
  ms: number;
  rows: number;
  plan: string;
}

const RUNNERS = ['all', 'get', 'run', 'iterate'] as const;

/**
 * Runs `fn` once with every SQLite statement it executes timed, and returns where the time
 * went: total, the part inside SQLite (including row conversion), and each statement with its
 * query plan. It wraps the Statement prototype's runners, so it sees statements prepared long
 * before (as services that prepare once do) and follows whatever SQL the service issues today
 * instead of a copy of it that would go stale when the service changes.
 */
export async function traceSql(
  db: Db,
  fn: () => unknown,
): Promise<{ totalMs: number; sqlMs: number; statements: Traced[] }> {
  const raw = db.$client;
  const proto = Object.getPrototypeOf(raw.prepare('select 1')) as Record<string, unknown>;
  const originals = RUNNERS.map((k) => [k, proto[k]] as const);
  const statements: Traced[] = [];
  let explainMs = 0;
  const explain = (src: string, params: unknown[]) => {
    const t = performance.now();
    try {
      const stmt: Database.Statement<unknown[]> = raw.prepare(`explain query plan ${src}`);
      return (stmt.all(...params) as { detail: string }[]).map((p) => p.detail).join('; ');
    } catch {
      return '(no plan)';
    } finally {
      explainMs += performance.now() - t;
    }
  };
  let inside = false; // the explain's own all() must not be traced
  for (const [k, orig] of originals) {
    proto[k] = function traced(this: Database.Statement, ...params: unknown[]) {
      if (inside) return (orig as (...a: unknown[]) => unknown).apply(this, params);
      const t = performance.now();
      const out = (orig as (...a: unknown[]) => unknown).apply(this, params);
      const ms = performance.now() - t;
      inside = true;
      const plan = explain(this.source, params);
      inside = false;
      const rows = Array.isArray(out) ? out.length : out === undefined ? 0 : 1;
      statements.push({ sql: this.source.replace(/\s+/g, ' ').trim(), ms, rows, plan });
      return out;
    };
  }
  const t = performance.now();
  try {
    // An async service's statements all run before it resolves: nothing else runs meanwhile here.
    await fn();
  } finally {
    for (const [k, orig] of originals) proto[k] = orig;
  }
  // The plans were taken inside the timed call; their cost is not the service's.
  const totalMs = performance.now() - t - explainMs;
  const sqlMs = statements.reduce((a, s) => a + s.ms, 0);
  return { totalMs, sqlMs, statements };
}

/** One paragraph: how much of a call is SQLite, how much JavaScript, and the slowest statements. */
export async function describeTrace(
  label: string,
  db: Db,
  fn: () => unknown,
  top = 3,
): Promise<{ text: string; statements: Traced[] }> {
  await fn(); // warm: the figures are of a steady-state call
  const t = await traceSql(db, fn);
  const slow = [...t.statements].sort((a, b) => b.ms - a.ms).slice(0, top);
  const text =
    `${label}: one call runs ${t.statements.length} statement${t.statements.length === 1 ? '' : 's'}, ${t.sqlMs.toFixed(1)} ms inside SQLite (rows read and converted), ` +
    `the rest of its ${t.totalMs.toFixed(1)} ms in JavaScript (the explain calls excluded). Slowest: ` +
    slow
      .map(
        (s) =>
          `\`${s.sql.length > 220 ? `${s.sql.slice(0, 220)}…` : s.sql}\` ${s.ms.toFixed(1)} ms, ${s.rows} rows, plan: ${s.plan}`,
      )
      .join(' | ');
  return { text, statements: t.statements };
}
