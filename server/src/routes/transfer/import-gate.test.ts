import { afterEach, describe, expect, it } from 'vitest';
import { dumpAll } from '../../dump.test-helpers.ts';
import { gateOf } from '../../middleware/write-gate.ts';
import { stopParseWorker } from '../../services/transfer/parse-pool.ts';
import { TEST_ENGINE } from '../../test-engine.ts';
import { makeTestApp, type TestApp } from '../../test-utils.ts';
import { manyRowsXlsx } from './hostile-files.ts';
import { upload } from './test-helpers.ts';

const ROWS = 3_000;
const LAND = { name: '徐州某某置业有限公司', tier: 'A', website: 'xz-land.com.cn' };
const context = (t: TestApp) =>
  t.request('GET', `/api/context?url=${encodeURIComponent('https://www.xz-land.com.cn/')}`);

/**
 * The session of the import's transaction on PostgreSQL: the one holding the imports' advisory
 * lock (store/pg/imports.ts takes it before the first row), until it commits or rolls back.
 */
const IMPORT_SESSION = `select pid from pg_locks where locktype = 'advisory' and granted
  and database = (select oid from pg_database where datname = current_database())`;

/** Whether the import is writing: it holds the gate (SQLite), its transaction is open (PostgreSQL). */
async function stillWriting(t: TestApp) {
  return TEST_ENGINE === 'pg' ? (await t.sql(IMPORT_SESSION)).length > 0 : gateOf(t.store).held;
}

/**
 * Resolves once the import's write has begun: on SQLite it has the gate (its transaction runs in
 * the worker from then on); on PostgreSQL its transaction holds the imports' lock.
 */
async function writing(t: TestApp) {
  while (!(await stillWriting(t))) await new Promise((r) => setTimeout(r, 1));
}

/**
 * SQLite: the import's write runs in the parse worker on its own connection, the write gate held:
 * the request loop keeps reading, and write requests wait for the import instead of SQLite's lock.
 * PostgreSQL: it runs in-process in one transaction on a connection of its own (no worker, no
 * gate, concurrent writers): reads answer meanwhile, and so do writes of other files.
 */
describe('an import writing in the worker', () => {
  afterEach(async () => {
    await stopParseWorker();
  });

  it('leaves lookups answering while its commit is in progress', async () => {
    const t = makeTestApp();
    await t.request('POST', '/api/customers', LAND);
    const uploadId = await upload(t, 'rows.xlsx', manyRowsXlsx(ROWS));
    const order: string[] = [];
    const commit = t.request('POST', '/api/import/commit', { file: { uploadId }, idempotencyKey: 'gate-read' });
    void commit.then(() => order.push('commit'));
    await writing(t);
    const r = await context(t);
    order.push((await stillWriting(t)) ? 'context (import still writing)' : 'context');
    expect(r.status).toBe(200);
    expect(r.json.customer.name).toBe(LAND.name);
    const done = await commit;
    expect(done.status).toBe(201);
    expect(done.json.created).toBe(ROWS);
    expect(order).toEqual(['context (import still writing)', 'commit']);
  }, 60_000);

  it('makes a write request wait for the import, then lets it through', async () => {
    const t = makeTestApp();
    const uploadId = await upload(t, 'rows.xlsx', manyRowsXlsx(ROWS));
    const order: string[] = [];
    const commit = t.request('POST', '/api/import/commit', { file: { uploadId }, idempotencyKey: 'gate-write' });
    void commit.then(() => order.push('commit'));
    await writing(t);
    const created = await t.request('POST', '/api/customers', LAND);
    order.push((await stillWriting(t)) ? 'create (import still writing)' : 'create');
    expect(created.status).toBe(201);
    expect((await commit).status).toBe(201);
    // SQLite: the write waited for the import. PostgreSQL: a write of another file needs no wait
    // (concurrent writers), and it is answered while the import's transaction is still open.
    expect(order).toEqual(TEST_ENGINE === 'pg' ? ['create (import still writing)', 'commit'] : ['commit', 'create']);
    // Both are there, and both audited, in the order they were answered.
    expect((await context(t)).json.customer.name).toBe(LAND.name);
    const audited = await t.sql("select path from audit_log where method = 'POST' order by id");
    const paths = ['/api/import/commit', '/api/customers'];
    expect(audited.map((a) => (a as { path: string }).path).slice(-2)).toEqual(
      TEST_ENGINE === 'pg' ? paths.reverse() : paths,
    );
    expect(await t.count('customers')).toBe(ROWS + 1);
  }, 60_000);

  it('writes nothing when a row fails at the end of the file', async () => {
    const t = makeTestApp();
    await t.request('POST', '/api/customers', LAND);
    const uploadId = await upload(t, 'rows.xlsx', manyRowsXlsx(ROWS));
    const before = await dumpAll(t, ['audit_log']);
    // The last row (sheet row ROWS + 1) is to be merged into a file that does not exist: it fails
    // after every row before it was written in the same transaction.
    const decisions = [{ row: ROWS + 1, action: 'merge', customerId: 999_999 }];
    const failed = await t.request('POST', '/api/import/commit', {
      file: { uploadId },
      decisions,
      idempotencyKey: 'gate-fail',
    });
    expect(failed.status).toBe(409);
    expect(await dumpAll(t, ['audit_log'])).toEqual(before);
  }, 60_000);

  it('writes nothing when the writer is ended in the middle of the write', async () => {
    const t = makeTestApp();
    await t.request('POST', '/api/customers', LAND);
    const uploadId = await upload(t, 'rows.xlsx', manyRowsXlsx(ROWS));
    const before = await dumpAll(t, ['audit_log']);
    const commit = t.request('POST', '/api/import/commit', { file: { uploadId }, idempotencyKey: 'gate-kill' });
    await writing(t);
    await new Promise((r) => setTimeout(r, 50));
    // SQLite: the worker is ended. PostgreSQL (no worker): the import's statement is cancelled
    // by the server, again until its transaction is gone (between two statements it is idle).
    // Not pg_terminate_backend: pg's pool leaves a client in use without an 'error' listener, so
    // a connection ended under a transaction is an uncaught exception in this process (as in the
    // server's own pool, db/pg/client.ts, which listens on idle connections only).
    if (TEST_ENGINE === 'pg') {
      while (await stillWriting(t)) {
        await t.sql(`select pg_cancel_backend(pid) from (${IMPORT_SESSION}) s`);
        await new Promise((r) => setTimeout(r, 5));
      }
    } else await stopParseWorker();
    const r = await commit;
    expect(r.status).toBe(500);
    expect(await dumpAll(t, ['audit_log'])).toEqual(before);
    // The gate (the imports' lock) is free again and a fresh worker (session) imports the same upload.
    expect(await stillWriting(t)).toBe(false);
    const again = await t.request('POST', '/api/import/commit', { file: { uploadId }, idempotencyKey: 'gate-kill' });
    expect(again.status).toBe(201);
    expect(again.json.created).toBe(ROWS);
  }, 60_000);
});
