import { InteractionCreate } from '@dossier/shared';
import type { Db } from '../src/db/client.ts';
import { logInteraction } from '../src/services/interactions.ts';
import { SYSTEM } from '../src/services/visibility.ts';
import { settingsOn } from '../src/store/sqlite/settings.ts';
import { sqliteStore } from '../src/store/sqlite/store.ts';
import { log, NOW, type Report, round } from './lib.ts';
import { logInteractionSync } from './pre-seam.ts';
import { traceSql } from './trace.ts';

const SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 4);
const middle = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Transactions per second of `fn` over a fixed time, so a slow disk shortens the run, not lengthens it. */
async function perSecond(fn: (i: number) => unknown, seconds: number): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(-1 - i); // warm-up: statement caches, WAL file grown
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) await fn(n++);
  return n / ((performance.now() - start) / 1000);
}

/**
 * Logging a call through logInteraction (idempotency check, customer visibility, insert,
 * refreshDue's three queries and the update — one transaction, synchronous = FULL as openDb sets
 * it) against the floor: a bare prepared INSERT into interactions, in its own transaction, on the
 * same connection and file. Both pay one fsync per commit; the ratio is what keeping the due
 * fields current costs.
 */
export async function benchWrites(db: Db): Promise<Report> {
  const raw = db.$client;
  const store = sqliteStore(db);
  const settings = settingsOn(db);
  const ids = raw
    .prepare('select id from customers where deleted_at is null and id % 13 = 0')
    .pluck()
    .all() as number[];
  const id = (i: number) => ids[Math.abs(i) % ids.length] ?? 1;
  const run = Date.now().toString(36);
  const at = NOW.toISOString();
  const input = (i: number, tag: string) =>
    InteractionCreate.parse({
      customerId: id(i),
      kind: i % 5 === 0 ? 'visit' : 'call',
      at,
      summary: '电话沟通项目进度',
      idempotencyKey: `bench-${tag}-${run}-${i}`,
    });
  const bare = raw.prepare(`insert into interactions (customer_id, kind, at, summary, idempotency_key, created_at)
    values (?, 'call', ?, '电话沟通项目进度', ?, ?)`);
  const insertOnly = (tag: string) => (i: number) =>
    raw.transaction(() => bare.run(id(i), at, `bench-${tag}-${run}-${i}`, at))();

  // Rounds of a second alternating between the two, the median of each: the machine is shared,
  // and one long run of each put a load that came and went on one side only (0.37–0.52 between
  // runs of the same code).
  const loggedRounds: number[] = [];
  const floorRounds: number[] = [];
  for (let r = 0; r < SECONDS; r++) {
    loggedRounds.push(await perSecond((i) => logInteraction(store, input(i, `log${r}`), NOW, settings, SYSTEM), 1));
    floorRounds.push(await perSecond(insertOnly(`bare${r}`), 1));
  }
  const logged = middle(loggedRounds);
  const floor = middle(floorRounds);
  log(`writes, synchronous=FULL: logInteraction ${logged.toFixed(0)} tx/s, bare insert ${floor.toFixed(0)} tx/s`);
  // The same without the fsync: the CPU cost of the work itself, separated from the disk's.
  raw.pragma('synchronous = OFF');
  const loggedCpu = await perSecond((i) => logInteraction(store, input(i, 'logcpu'), NOW, settings, SYSTEM), 2);
  const floorCpu = await perSecond(insertOnly('barecpu'), 2);
  // What going through the async Store costs: the same call, rounds alternating with the
  // synchronous path it replaced (the same statements in one better-sqlite3 transaction).
  const asyncRounds: number[] = [];
  const syncRounds: number[] = [];
  for (let r = 0; r < 3; r++) {
    asyncRounds.push(await perSecond((i) => logInteraction(store, input(i, `async${r}`), NOW, settings, SYSTEM), 1));
    syncRounds.push(await perSecond((i) => logInteractionSync(db, input(i, `sync${r}`), NOW, settings), 1));
  }
  const viaStore = middle(asyncRounds);
  const direct = middle(syncRounds);
  // Where one call's time goes (synchronous still OFF, so the fsync doesn't hide it).
  let k = 0;
  await logInteraction(store, input(-1000, 'trace'), NOW, settings, SYSTEM);
  const trace = await traceSql(db, () => logInteraction(store, input(k++, 'traced'), NOW, settings, SYSTEM));
  raw.pragma('synchronous = FULL');
  log(`writes, synchronous=OFF: logInteraction ${loggedCpu.toFixed(0)} tx/s, bare insert ${floorCpu.toFixed(0)} tx/s`);
  return {
    area: 'Interaction writes',
    rows: [
      {
        name: 'log an interaction (logInteraction, due fields kept current), synchronous = FULL',
        value: round(logged, 0),
        unit: 'tx/s',
        baseline: { name: 'bare INSERT in its own transaction', value: round(floor, 0) },
        ratio: round(logged / floor, 2),
        target: '≥ 0.5 of the bare INSERT',
        met: logged / floor >= 0.5,
        detail: `${(1000 / logged).toFixed(2)} ms per logged call; median of ${SECONDS} alternating 1 s rounds: logged ${loggedRounds.map((x) => x.toFixed(0)).join(', ')}; bare ${floorRounds.map((x) => x.toFixed(0)).join(', ')}`,
      },
      {
        name: 'the same without fsync (synchronous = OFF): the CPU cost alone',
        value: round(loggedCpu, 0),
        unit: 'tx/s',
        baseline: { name: 'bare INSERT, synchronous = OFF', value: round(floorCpu, 0) },
        ratio: round(loggedCpu / floorCpu, 2),
        detail: `${((1000 / loggedCpu) * 1000).toFixed(0)} µs vs ${((1000 / floorCpu) * 1000).toFixed(0)} µs per transaction`,
      },
      {
        name: 'the same through the async Store (synchronous = OFF)',
        value: round(viaStore, 0),
        unit: 'tx/s',
        baseline: { name: 'the synchronous code path before the seam, same statements', value: round(direct, 0) },
        ratio: round(viaStore / direct, 2),
        target: 'going async costs nothing measurable (≥ 0.95)',
        met: viaStore / direct >= 0.95,
        detail: `median of 3 alternating 1 s rounds: async ${asyncRounds.map((x) => x.toFixed(0)).join(', ')}; sync ${syncRounds.map((x) => x.toFixed(0)).join(', ')}`,
      },
    ],
    notes: [
      `${SECONDS} rounds of 1 s each, alternating, on a private copy of the data set; customers rotate over ${ids.length} files; one logged call in five is a visit.`,
      `One logged call, traced: ${trace.statements.length} statements, ${trace.sqlMs.toFixed(2)} ms of its ${trace.totalMs.toFixed(2)} ms inside SQLite` +
        (trace.sqlMs < trace.totalMs / 2 ? ' — most of the CPU is outside SQLite.' : '.') +
        ' Its statements are prepared once per database (services/interactions.ts, services/due.ts).',
    ],
  };
}
