import type pg from 'pg';
import {
  type Child,
  cpuSeconds,
  log,
  type Report,
  type Row,
  round,
  rssMb,
  spawnServer,
  stats,
  waitForQuiet,
} from './lib.ts';
import { type Load, load } from './load.ts';

/**
 * The context lookup on PostgreSQL under load, as http.ts measures SQLite's: the real team server
 * (pg-serve.ts) against pg-floor.ts, interleaved rounds, the median of the per-round ratios.
 * Both servers and the cluster share the machine with autocannon.
 */

const TOKEN = 'bench-token-0123456789abcdef';
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);
const CONNECTIONS = 10;

/** The real server and the floor must name the same customer for the same URL, or the race is void. */
async function sameAnswers(real: Child, realPaths: string[], floor: Child, floorPaths: string[]): Promise<void> {
  const get = async (port: number, p: string) =>
    (await (await fetch(`http://127.0.0.1:${port}${p}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
      customer?: { id: number } | null;
      customerId?: number | null;
    };
  for (const [k, path] of realPaths.slice(0, 25).entries()) {
    const [a, b] = [await get(real.port, path), await get(floor.port, floorPaths[k] as string)];
    const id = a.customerId ?? a.customer?.id;
    if (!id || id !== b.customer?.id) throw new Error(`answers differ for ${path}`);
  }
}

interface Measured {
  loaded: Load;
  single: Load;
  cores: number | null;
  rss: number | null;
}

export async function benchPgHttp(url: string, client: pg.Client): Promise<Report> {
  const domains = (
    await client.query<{ value: string }>(`select k.value from customer_keys k join customers c on c.id = k.customer_id
      where k.kind = 'domain' and c.deleted_at is null and k.id % 37 = 0 order by k.id limit 2000`)
  ).rows.map((r) => r.value);
  const urls = domains.map((d, i) => `https://www.${d}/${i % 3 ? 'products' : 'about'}?id=${i}`);
  const paths = urls.map((u) => `/api/context?url=${encodeURIComponent(u)}`);
  const badgePaths = urls.map((u) => `/api/context/badge?url=${encodeURIComponent(u)}`);
  log(`pg context: ${paths.length} domains, ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${SECONDS} s`);
  const children: Child[] = [];
  try {
    const real = await spawnServer(['bench/pg-serve.ts', url, TOKEN]);
    children.push(real);
    const floor = await spawnServer(['bench/pg-floor.ts', url]);
    children.push(floor);
    const card = await spawnServer(['bench/pg-floor.ts', url, '--card']);
    children.push(card);
    await sameAnswers(real, badgePaths, floor, paths);
    await sameAnswers(real, paths, card, paths);
    const servers: [string, Child, string[]][] = [
      ['real, badge', real, badgePaths],
      ['floor', floor, paths],
      ['real, full card', real, paths],
      ['floor, full card', card, paths],
    ];
    for (const [, c, p] of servers) await load(c.port, TOKEN, p, CONNECTIONS, 2); // warm-up: JIT, caches, pool
    const runs: Measured[][] = servers.map(() => []);
    for (let r = 0; r < ROUNDS; r++) {
      await waitForQuiet(15);
      for (const [i, [label, child, p]] of servers.entries()) {
        const pid = child.proc.pid ?? 0;
        const cpu0 = cpuSeconds(pid);
        const t0 = performance.now();
        const loaded = await load(child.port, TOKEN, p, CONNECTIONS, SECONDS);
        const cpu1 = cpuSeconds(pid);
        const cores = cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / ((performance.now() - t0) / 1000) : null;
        const rss = rssMb(pid);
        const single = await load(child.port, TOKEN, p, 1, Math.max(2, SECONDS / 2));
        runs[i]?.push({ loaded, single, cores, rss });
        log(
          `pg round ${r + 1} ${label}: ${loaded.rps.toFixed(0)} req/s, p50 ${loaded.p50.toFixed(2)} p99 ${loaded.p99.toFixed(2)} ms; ` +
            `1 connection p50 ${single.p50.toFixed(3)} ms; node ${cores?.toFixed(2)} cores`,
        );
      }
    }
    const median = runs.map((rs) => [...rs].sort((a, b) => a.loaded.rps - b.loaded.rps)[Math.floor(rs.length / 2)]);
    const [rb, f, rc, c] = median as [Measured, Measured, Measured, Measured];
    // Throughput ratio per round (neighbours in time, under the same background load), then the median.
    const ratio = (a: number, b: number) => {
      const each = (runs[a] ?? []).map((x, k) => x.loaded.rps / (runs[b]?.[k]?.loaded.rps ?? Number.NaN));
      return { value: stats(each).median, each: each.map((x) => x.toFixed(2)).join(', ') };
    };
    const badge = ratio(0, 1);
    const full = ratio(2, 3);
    const rows: Row[] = [
      {
        name: `GET /api/context/badge throughput on PostgreSQL (${CONNECTIONS} connections)`,
        value: round(rb.loaded.rps, 0),
        unit: 'req/s',
        baseline: { name: 'floor: node:http + pg, one named prepared statement', value: round(f.loaded.rps, 0) },
        ratio: round(badge.value, 2),
        target: '≥ 0.85 of the floor',
        met: badge.value >= 0.85,
        detail: `median round shown; ratio is the median of the per-round ratios (${badge.each}); p99 ${rb.loaded.p99.toFixed(2)} ms (floor ${f.loaded.p99.toFixed(2)} ms)`,
      },
      {
        name: `GET /api/context throughput on PostgreSQL, the full card (${CONNECTIONS} connections)`,
        value: round(rc.loaded.rps, 0),
        unit: 'req/s',
        baseline: {
          name: 'floor answering the full card (4 named prepared statements)',
          value: round(c.loaded.rps, 0),
        },
        ratio: round(full.value, 2),
        target: '≥ 0.85 of the full-card floor',
        met: full.value >= 0.85,
        detail: `per round: ${full.each}; p99 ${rc.loaded.p99.toFixed(2)} ms (floor ${c.loaded.p99.toFixed(2)} ms)`,
      },
      {
        name: `badge p99 latency under load on PostgreSQL (${CONNECTIONS} connections)`,
        value: round(rb.loaded.p99, 2),
        unit: 'ms',
        baseline: { name: 'floor', value: round(f.loaded.p99, 2) },
        ratio: round(f.loaded.p99 / rb.loaded.p99, 2),
        detail: `p50 ${rb.loaded.p50.toFixed(2)} ms (floor ${f.loaded.p50.toFixed(2)} ms)`,
      },
      {
        name: 'badge p50 latency on PostgreSQL, one connection (one user)',
        value: round(rb.single.p50, 3),
        unit: 'ms',
        baseline: { name: 'floor p50', value: round(f.single.p50, 3) },
        ratio: round(f.single.p50 / rb.single.p50, 2),
        detail: `p99 ${rb.single.p99.toFixed(3)} ms (floor ${f.single.p99.toFixed(3)} ms)`,
      },
    ];
    return {
      area: 'Context lookup under load (PostgreSQL)',
      rows,
      notes: [
        `Node CPU during the timed runs (the server process only; PostgreSQL's backends and autocannon share the same cores): badge ${rb.cores?.toFixed(2)} cores, floor ${f.cores?.toFixed(2)}, card ${rc.cores?.toFixed(2)}, card floor ${c.cores?.toFixed(2)}; server RSS ${rb.rss?.toFixed(0)} MB, floor ${f.rss?.toFixed(0)} MB.`,
        `Requests rotate over ${paths.length} customer domains (all hits). The real server authenticates each request (a users lookup by the token) as it does in production; the floor does no auth.`,
      ],
    };
  } finally {
    for (const child of children) await child.stop();
  }
}
