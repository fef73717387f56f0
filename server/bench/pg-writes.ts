import { InteractionCreate } from '@dossier/shared';
import pg from 'pg';
import { pgDb, pgPool } from '../src/db/pg/client.ts';
import { logInteraction } from '../src/services/interactions.ts';
import { SYSTEM } from '../src/services/visibility.ts';
import { pgStore } from '../src/store/pg/store.ts';
import { log, NOW, type Report, round } from './lib.ts';

const SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 4);
const WRITERS = 10;

/**
 * Transactions per second of `fn` over a fixed time, `writers` calls in flight (one: each awaited
 * before the next, as query-writes.ts on SQLite).
 */
async function perSecond(fn: (i: number) => Promise<unknown>, seconds: number, writers = 1): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(-1 - i); // warm-up: connections, statement caches
  let n = 0;
  const start = performance.now();
  const worker = async () => {
    while (performance.now() - start < seconds * 1000) await fn(n++);
  };
  await Promise.all(Array.from({ length: writers }, worker));
  return n / ((performance.now() - start) / 1000);
}

/** The URL with a session setting in its startup options (no SET on a pooled connection). */
const withOption = (url: string, option: string) => {
  const u = new URL(url);
  u.searchParams.set('options', `-c ${option}`);
  return u.toString();
};

/**
 * Logging a call through logInteraction on pgStore (the idempotency check, visibility, the
 * insert, the customer row locked and its due fields refreshed, in one READ COMMITTED
 * transaction) against the floor: a bare INSERT into interactions as its own transaction (one
 * named prepared statement, autocommit), on a pool of the same size. Both wait for the WAL
 * flush of each commit (fsync and synchronous_commit on, checked below), the durability SQLite's
 * rows get from synchronous = FULL.
 */
export async function benchPgWrites(url: string, client: pg.Client): Promise<Report> {
  const durability = (
    await client.query<{ name: string; setting: string }>(
      `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method') order by name`,
    )
  ).rows
    .map((r) => `${r.name} = ${r.setting}`)
    .join(', ');
  if (!/fsync = on/.test(durability) || !/synchronous_commit = on/.test(durability))
    throw new Error(`the write row needs fsync and synchronous_commit on: ${durability}`);
  const ids = (
    await client.query<{ id: number }>('select id from customers where deleted_at is null and id % 13 = 0 order by id')
  ).rows.map((r) => r.id);
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
  const measure = async (poolUrl: string, tag: string, writers: number, seconds: number) => {
    const pool = pgPool(poolUrl);
    const store = pgStore(pgDb(pool));
    const settings = await store.settings.read();
    const bare = new pg.Pool({ connectionString: poolUrl, max: 10 });
    const insert = {
      name: 'bench_bare_insert',
      text: `insert into interactions (customer_id, kind, at, summary, idempotency_key, created_at)
        values ($1, 'call', $2, '电话沟通项目进度', $3, $2)`,
    };
    try {
      const logged = await perSecond(
        (i) => logInteraction(store, input(i, `log${tag}`), NOW, settings, SYSTEM),
        seconds,
        writers,
      );
      const floor = await perSecond(
        (i) => bare.query({ ...insert, values: [id(i), at, `bench-bare${tag}-${run}-${i}`] }),
        seconds,
        writers,
      );
      log(`pg writes ${tag}: logInteraction ${logged.toFixed(0)} tx/s, bare insert ${floor.toFixed(0)} tx/s`);
      return { logged, floor };
    } finally {
      await pool.end();
      await bare.end();
    }
  };
  const one = await measure(url, '1', 1, SECONDS);
  const many = await measure(url, `${WRITERS}`, WRITERS, SECONDS);
  // The commit not waiting for its WAL flush: the CPU and round trips alone.
  const cpu = await measure(withOption(url, 'synchronous_commit=off'), 'async', 1, 2);
  return {
    area: 'Interaction writes (PostgreSQL)',
    rows: [
      {
        name: 'log an interaction on PostgreSQL (logInteraction, due fields kept current), one writer',
        value: round(one.logged, 0),
        unit: 'tx/s',
        baseline: { name: 'bare INSERT in its own transaction, same durability', value: round(one.floor, 0) },
        ratio: round(one.logged / one.floor, 2),
        target: '≥ 0.5 of the bare INSERT',
        met: one.logged / one.floor >= 0.5,
        detail: `${(1000 / one.logged).toFixed(2)} ms per logged call, ${(1000 / one.floor).toFixed(2)} ms per bare insert`,
      },
      {
        name: `the same with ${WRITERS} writers at once (the team's case: commits share WAL flushes)`,
        value: round(many.logged, 0),
        unit: 'tx/s',
        baseline: { name: `bare INSERT, ${WRITERS} at once`, value: round(many.floor, 0) },
        ratio: round(many.logged / many.floor, 2),
      },
      {
        name: 'one writer, synchronous_commit = off: the CPU and round trips alone',
        value: round(cpu.logged, 0),
        unit: 'tx/s',
        baseline: { name: 'bare INSERT, synchronous_commit = off', value: round(cpu.floor, 0) },
        ratio: round(cpu.logged / cpu.floor, 2),
        detail: `${((1000 / cpu.logged) * 1000).toFixed(0)} µs vs ${((1000 / cpu.floor) * 1000).toFixed(0)} µs per transaction`,
      },
    ],
    notes: [
      `Server settings: ${durability}. ${SECONDS} s each on this run's copy of the data set; customers rotate over ${ids.length} files; one logged call in five is a visit.`,
    ],
  };
}
