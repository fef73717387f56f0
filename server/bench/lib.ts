import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The instant the generated data set is "now". Fixed, so the board and the overdue shares are
 * the same in every run however old the cached file is; services take `now` as a parameter.
 */
export const NOW = new Date('2026-11-20T01:00:00.000Z');

/** One line of a report table; run-all.mjs renders these. Times in ms unless `unit` says so. */
export interface Row {
  name: string;
  value: number;
  unit: string;
  /** What the value is compared with, measured in the same run. */
  baseline?: { name: string; value: number };
  /** value / baseline when higher is better (throughput), baseline / value when lower is better. */
  ratio?: number;
  target?: string;
  met?: boolean;
  detail?: string;
}

export interface Report {
  area: string;
  rows: Row[];
  notes: string[];
  /** For targets not met: what the profile or the query plan shows, and the plan. */
  diagnosis?: string[];
}

/** The one machine-readable line each bench prints last; run-all.mjs looks for this prefix. */
export function emit(report: Report): void {
  process.stdout.write(`BENCH_JSON ${JSON.stringify(report)}\n`);
}

export const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

export interface Stats {
  n: number;
  median: number;
  p95: number;
  p99: number;
  mean: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, median: at(0.5), p95: at(0.95), p99: at(0.99), mean };
}

/**
 * Times `fn` over `iterations` calls, after `warmup` untimed calls so the JIT and SQLite's page
 * cache are warm: the figure is the steady state a running server sees. Stops early once
 * `budgetMs` is spent (keeping at least 5 samples) so a pathologically slow case can't eat the
 * run's time limit.
 */
export function timeIt(fn: (i: number) => unknown, iterations: number, warmup = 5, budgetMs = 10_000): Stats {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    fn(i);
    samples.push(performance.now() - t);
    if (samples.length >= 5 && performance.now() - start > budgetMs) break;
  }
  return stats(samples);
}

/** `timeIt` for a function that answers a promise: each call awaited before the next starts. */
export async function timeAsync(
  fn: (i: number) => Promise<unknown>,
  iterations: number,
  warmup = 5,
  budgetMs = 10_000,
): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
    if (samples.length >= 5 && performance.now() - start > budgetMs) break;
  }
  return stats(samples);
}

/**
 * Two variants timed alternately, call by call, so a burst of other work on the machine lands
 * on both alike: the comparison holds even when the absolute figures drift.
 */
export function timePair(
  a: (i: number) => unknown,
  b: (i: number) => unknown,
  iterations: number,
  warmup = 5,
  budgetMs = 10_000,
): [Stats, Stats] {
  for (let i = 0; i < warmup; i++) {
    a(i);
    b(i);
  }
  const sa: number[] = [];
  const sb: number[] = [];
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    let t = performance.now();
    a(i);
    sa.push(performance.now() - t);
    t = performance.now();
    b(i);
    sb.push(performance.now() - t);
    if (sa.length >= 5 && performance.now() - start > budgetMs) break;
  }
  return [stats(sa), stats(sb)];
}

/**
 * The pragma the reports recommend for db/client.ts: reads straight from the OS page cache
 * through a memory map instead of a read() syscall per 4 KB page into SQLite's 2 MB default cache.
 */
export const TUNED_PRAGMAS = ['mmap_size = 1073741824'];
export const TUNED_TEXT = 'PRAGMA mmap_size = 1 GiB';

export const round = (v: number, digits = 3) => Number(v.toFixed(digits));

/** Busy and total jiffies of the whole machine, from /proc/stat (null off Linux). */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    const total = f.reduce((a, b) => a + b, 0);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/**
 * This machine is shared: other sessions run type checks and tests on the same two cores, and a
 * benchmark timed next to them measures them too. Before a timed section, wait (at most
 * `maxSeconds`) until the machine has been nearly idle for two seconds running; returns the busy
 * share seen last, for the report.
 */
export async function waitForQuiet(maxSeconds = 90, threshold = 0.15): Promise<number> {
  const start = Date.now();
  let calm = 0;
  let share = 0;
  for (;;) {
    const a = machineTicks();
    await new Promise((r) => setTimeout(r, 1000));
    const b = machineTicks();
    if (!a || !b) return 0;
    share = (b.busy - a.busy) / Math.max(1, b.total - a.total);
    calm = share < threshold ? calm + 1 : 0;
    if (calm >= 2) return share;
    if (Date.now() - start > maxSeconds * 1000) {
      log(`machine still ${(share * 100).toFixed(0)}% busy with other work after ${maxSeconds} s; measuring anyway`);
      return share;
    }
  }
}

/**
 * A private copy of the cached data set in a fresh data dir, so writes (the token row, logged
 * interactions) never change the cache. copyFileSync uses copy_file_range: about a second.
 */
export function copyDataSet(src: string, prefix: string): { dir: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `dossier-bench-${prefix}-`));
  const file = join(dir, 'dossier.sqlite');
  copyFileSync(src, file);
  // Someone may have the cache open (WAL mode): take its log too, SQLite replays it on open.
  if (existsSync(`${src}-wal`)) copyFileSync(`${src}-wal`, `${file}-wal`);
  return { dir, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process in MB, from /proc (Linux only; null elsewhere). */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat; null elsewhere. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/**
 * Self time of a V8 .cpuprofile grouped by where the code lives (a package, node internals,
 * Dossier's own files, native/GC), and the top functions: enough to say where a request's
 * time goes without opening DevTools.
 */
export function summariseProfile(file: string, top = 12): string[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const total = p.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0) || 1;
  const byPlace = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const n of p.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const { url, functionName, lineNumber } = n.callFrame;
    const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    const place = pkg
      ? pkg
      : url.startsWith('node:')
        ? 'node internals'
        : url.includes('/shared/src/')
          ? '@dossier/shared'
          : url.includes('/server/src/')
            ? 'server/src'
            : url
              ? basename(url)
              : `(${functionName || 'native'})`;
    byPlace.set(place, (byPlace.get(place) ?? 0) + hits);
    const fn = `${functionName || '(anonymous)'} ${url ? `${basename(url)}:${lineNumber + 1}` : ''}`.trim();
    byFn.set(fn, (byFn.get(fn) ?? 0) + hits);
  }
  const pct = (h: number) => `${((100 * h) / total).toFixed(1)}%`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `self time by place: ${sorted(byPlace)
      .map(([k, v]) => `${k} ${pct(v)}`)
      .join(', ')}`,
    `top functions (self): ${sorted(byFn)
      .map(([k, v]) => `${k} ${pct(v)}`)
      .join('; ')}`,
    `inclusive time of named functions: ${sorted(inclusive(p.nodes))
      .map(([k, v]) => `${k} ${pct(v)}`)
      .join('; ')}`,
  ];
}

// Plumbing every request passes through; its inclusive time says nothing about where it goes.
const PLUMBING =
  /^(\(root\)|\(anonymous\)|processTicksAndRejections|runMicrotasks|dispatch|#dispatch|fetch|emit|listOnTimeout|processTimers)$/;

/** Percent of all samples under each named function ("name file:line"), for tests on a profile. */
export function inclusiveShares(file: string): Map<string, number> {
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const total = p.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0) || 1;
  return new Map([...inclusive(p.nodes)].map(([k, v]) => [k, (100 * v) / total]));
}

/** Samples under each named function (counted once per stack, so recursion isn't doubled). */
function inclusive(nodes: ProfileNode[]): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  const walk = (n: ProfileNode, seen: Set<string>): number => {
    const { functionName, url, lineNumber } = n.callFrame;
    const key = `${functionName} ${basename(url)}:${lineNumber + 1}`;
    const counted = !functionName || PLUMBING.test(functionName) || seen.has(key);
    const next = counted ? seen : new Set(seen).add(key);
    let t = n.hitCount ?? 0;
    for (const c of n.children ?? []) {
      const child = byId.get(c);
      if (child) t += walk(child, next);
    }
    if (!counted) out.set(key, (out.get(key) ?? 0) + t);
    return t;
  };
  const root = nodes[0];
  if (root) walk(root, new Set());
  return out;
}

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A server script of the benches (serve-real.ts, floor.ts) in its own process, run from the
 * server package through tsx; resolves once it prints `READY <port>`.
 */
export interface Child {
  proc: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

export function spawnServer(args: string[], nodeArgs: string[] = [], env: Record<string, string> = {}): Promise<Child> {
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], {
    cwd: serverDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no READY from ${args.join(' ')}`)), 90_000);
    proc.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, port: Number(m[1]), stop });
      }
    });
  });
}

/**
 * `timePair` for calls that answer in promises: the two variants alternate call by
 * call, each sample running until its call resolves; without a second variant, `a` alone.
 */
export async function timePairAsync(
  a: (i: number) => Promise<unknown>,
  b: ((i: number) => Promise<unknown>) | null,
  iterations: number,
  warmup = 5,
  budgetMs = 10_000,
): Promise<[Stats, Stats | null]> {
  for (let i = 0; i < warmup; i++) {
    await a(i);
    await b?.(i);
  }
  const sa: number[] = [];
  const sb: number[] = [];
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    let t = performance.now();
    await a(i);
    sa.push(performance.now() - t);
    if (b) {
      t = performance.now();
      await b(i);
      sb.push(performance.now() - t);
    }
    if (sa.length >= 5 && performance.now() - start > budgetMs) break;
  }
  return [stats(sa), b ? stats(sb) : null];
}
