/**
 * Server-side timings in-process on the 100,000-customer file: the due board, search, the cost
 * of due fields per lookup, interaction writes. Services are called directly with the db the
 * server would have (openDb), so these are the server's own times without HTTP.
 *
 * A second connection with the page-cache pragmas recommended for db/client.ts answers the
 * same queries, so each report also shows what that one change would give.
 */
import { openDb } from '../src/db/client.ts';
import { ensureDataSet } from './generate.ts';
import { copyDataSet, emit, log, TUNED_PRAGMAS } from './lib.ts';
import { benchBoard } from './query-board.ts';
import { benchSearch } from './query-search.ts';
import { benchWrites } from './query-writes.ts';

const only = process.argv[2]; // board | search | writes, to run one part while working on it

const { file } = ensureDataSet();
// A private copy: openDb may migrate, writes add rows, and the cache must stay as generated.
const data = copyDataSet(file, 'queries');
const db = openDb(data.file);
// The what-if connection is only worth having while openDb doesn't already map the file.
const mapped = Number(db.$client.pragma('mmap_size', { simple: true })) > 0;
const tuned = mapped ? null : openDb(data.file);
for (const p of TUNED_PRAGMAS) tuned?.$client.pragma(p);
if (mapped) log('openDb already sets mmap_size: no what-if connection');
try {
  if (!only || only === 'board') emit(await benchBoard(db, tuned));
  if (!only || only === 'search') emit(await benchSearch(db, tuned));
  // Last: it adds rows, which must not change what the reads above measured.
  if (!only || only === 'writes') emit(await benchWrites(db));
} finally {
  tuned?.$client.close();
  db.$client.close();
  data.cleanup();
  log('queries done');
}
