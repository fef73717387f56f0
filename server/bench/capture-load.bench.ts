import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAPTURE_LIMITS } from '@dossier/shared';
import { emit, log, round, spawnServer, stats } from './lib.ts';

const _serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOKEN = 'bench-token-0123456789abcdef';
const CAPTURES = Number(process.env.BENCH_CAPTURES ?? 60);
/** Lookups per second from the other client, sent on a fixed schedule whatever the answers do. */
const RATE = 200;

const numbers = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `+86 139 ${String(from + i).padStart(8, '0')}`);
const fullCapture = (seed: number) => ({
  url: `https://www.full-${seed}.cn/contact`,
  kind: 'company',
  adapter: 'generic',
  company: {
    name: `满载${seed}有限公司`,
    phones: numbers(seed * 1000, CAPTURE_LIMITS.phones),
    faxes: numbers(seed * 1000 + 500, CAPTURE_LIMITS.phones),
    emails: Array.from({ length: CAPTURE_LIMITS.emails }, (_, i) => `p${i}@full-${seed}.cn`),
    products: [],
  },
  people: Array.from({ length: CAPTURE_LIMITS.people }, (_, i) => ({
    name: `联系人${i}`,
    mobile: `+86 138 ${String(seed * 1000 + 100 + i).padStart(8, '0')}`,
  })),
  message: null,
  parcels: [],
});

const dir = mkdtempSync(join(tmpdir(), 'dossier-capture-bench-'));
const server = await spawnServer(['bench/serve-real.ts', dir, TOKEN]);
const port = server.port;
const base = `http://127.0.0.1:${port}`;
const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const post = async (path: string, body: unknown) => {
  const res = await fetch(base + path, { method: 'POST', headers, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  return res.json() as Promise<{ id: number; customerIds: number[] }>;
};
try {
  await post('/api/customers', { name: '嘉华融通', tier: 'A', website: 'xz-land.com.cn' });
  const path = `/api/context?url=${encodeURIComponent('https://www.xz-land.com.cn/')}`;
  const lookup = async () => {
    const t0 = performance.now();
    const res = await fetch(base + path, { headers });
    await res.arrayBuffer();
    return performance.now() - t0;
  };
  /**
   * Open loop: each lookup leaves at its scheduled time and its latency counts from then, so a
   * lookup stuck behind a capture is sampled as often as the capture lasts (a closed loop sends
   * one lookup per capture and hides how long the loop was held).
   */
  const openLoop = async (during: Promise<unknown>) => {
    const samples: Promise<number>[] = [];
    let done = false;
    void during.finally(() => {
      done = true;
    });
    const start = performance.now();
    for (let k = 0; !done; k++) {
      const at = start + (k * 1000) / RATE;
      const wait = at - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      samples.push(
        fetch(base + path, { headers })
          .then((r) => r.arrayBuffer())
          .then(() => performance.now() - at),
      );
    }
    return Promise.all(samples);
  };
  for (let i = 0; i < 200; i++) await lookup();
  // As long as the captures will take, at the same rate, with nothing else running.
  const quietRun = new Promise((r) => setTimeout(r, CAPTURES * 15));
  const quiet = await openLoop(quietRun);

  // A server in use: a few captures of another page first (the first ever compiles the code).
  for (let i = 0; i < 3; i++) {
    await post('/api/captures', {
      idempotencyKey: `bench-warm-${i}`,
      capture: fullCapture(10 + i),
      target: { new: { name: `预热${i}`, tier: 'C' } },
    });
  }
  // Each capture lands in a file already full: the same numbers and people written again.
  const target = (
    await post('/api/captures', {
      idempotencyKey: 'bench-cap-0',
      capture: fullCapture(0),
      target: { new: { name: '满载0', tier: 'C' } },
    })
  ).customerIds[0];
  const captureMs: number[] = [];
  const writer = (async () => {
    for (let i = 1; i <= CAPTURES; i++) {
      const t0 = performance.now();
      await post('/api/captures', {
        idempotencyKey: `bench-cap-${i}`,
        capture: fullCapture(i % 2),
        target: { customerId: target },
      });
      captureMs.push(performance.now() - t0);
    }
  })();
  const busy = await openLoop(writer);
  await writer;
  const q = stats(quiet);
  const b = stats(busy);
  const c = stats(captureMs);
  log(
    `context p99 quiet ${q.p99.toFixed(2)} ms, during captures ${b.p99.toFixed(2)} ms; capture median ${c.median.toFixed(0)} ms`,
  );
  emit({
    area: 'Captures at the limits while others look up (issue 13)',
    rows: [
      {
        name: `capture of ${CAPTURE_LIMITS.phones} phones, ${CAPTURE_LIMITS.phones} faxes, ${CAPTURE_LIMITS.emails} e-mails, ${CAPTURE_LIMITS.people} people into a full file (max of ${c.n})`,
        value: round(Math.max(...captureMs), 1),
        unit: 'ms',
        target: '≤ 1000 ms',
        met: Math.max(...captureMs) <= 1000,
        detail: `median ${round(c.median, 1)} ms`,
      },
      {
        name: `GET /api/context p99 while those captures run (open loop, ${RATE}/s)`,
        value: round(b.p99, 2),
        unit: 'ms',
        baseline: { name: 'p99 with nothing else running, same run', value: round(q.p99, 2) },
        ratio: round(q.p99 / b.p99, 2),
        target: '< 50 ms',
        met: b.p99 < 50,
        detail: `${b.n} lookups during, ${q.n} quiet; medians ${round(b.median, 2)} / ${round(q.median, 2)} ms`,
      },
    ],
    notes: [
      'Real server in its own process (serve-real.ts); one client captures back to back while lookups leave on a fixed schedule, both over loopback; three captures of other pages run first, as on a server in use.',
    ],
  });
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
