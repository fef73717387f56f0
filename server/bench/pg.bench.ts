/**
 * The team server's benches (issue #18): context lookup under load, due board, search and
 * interaction writes on PostgreSQL at 100,000 customers, each beside a same-run floor.
 *
 *   pnpm bench -- --only=pg.bench.ts       (or: node --import tsx bench/pg.bench.ts [http|board|search|writes])
 *
 * Needs PostgreSQL's binaries (Debian's postgresql package); the first run loads the data set
 * into a cached cluster (pg-data.ts, a few minutes).
 */

import { withClient } from '../src/db/pg/test-server.ts';
import { emit, log, type Report } from './lib.ts';
import { RUN_SETTINGS } from './pg-cluster.ts';
import { openPgDataSet } from './pg-data.ts';
import { benchPgHttp } from './pg-http.ts';
import { benchPgBoard, benchPgSearch } from './pg-queries.ts';
import { benchPgWrites } from './pg-writes.ts';

const only = process.argv[2];
const data = await openPgDataSet();
const setup = `PostgreSQL 15 from Debian's binaries, a private cluster on a Unix socket on this machine, C.UTF-8; ${RUN_SETTINGS.join(', ')}, everything else the defaults (fsync, synchronous_commit and full_page_writes on, JIT on). The data set is the SQLite benches' (generate.ts) copied in ${data.cached ? 'an earlier run (cached in the OS temp dir)' : `this run, in ${data.loadSeconds.toFixed(0)} s`}; this run measured a copy of it made in ${data.copySeconds.toFixed(1)} s.`;
const withSetup = (r: Report): Report => ({ ...r, notes: [...r.notes, setup] });
try {
  await withClient(data.url, async (client) => {
    if (!only || only === 'http') emit(withSetup(await benchPgHttp(data.url, client)));
    if (!only || only === 'board') emit(withSetup(await benchPgBoard(data.url, client)));
    if (!only || only === 'search') emit(withSetup(await benchPgSearch(data.url, client)));
    // Last: it adds rows and moves due dates, which must not change what the reads measured.
    if (!only || only === 'writes') emit(withSetup(await benchPgWrites(data.url, client)));
  });
} finally {
  await data.close();
  log('pg done');
}
