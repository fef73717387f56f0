import autocannon from 'autocannon';
import { stats } from './lib.ts';

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  count: number;
}

/**
 * GET load on a local server with a bearer token: `connections` in flight for `seconds`, over a
 * list of paths rotating over many customers' domains (a single hot row would flatter every
 * server). A fixed list is pre-serialised by autocannon; a setupRequest callback would halve its rate.
 */
export async function load(
  port: number,
  token: string,
  paths: string[],
  connections: number,
  seconds: number,
): Promise<Load> {
  const inst = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  // A typed array, not push(): the listener runs per response on the load generator's core.
  const latencies = new Float64Array(seconds * 100_000);
  let n = 0;
  inst.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    if (n < latencies.length) latencies[n++] = ms;
  });
  const r = await inst;
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`load on :${port}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  const s = stats(Array.from(latencies.subarray(0, n)));
  return { rps: n / r.duration, p50: s.median, p99: s.p99, count: n };
}
