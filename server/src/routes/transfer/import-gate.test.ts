import { afterEach, describe, expect, it } from 'vitest';
import { gateOf } from '../../middleware/write-gate.ts';
import { stopParseWorker } from '../../services/transfer/parse-pool.ts';
import { makeTestApp, type TestApp } from '../../test-utils.ts';
import { manyRowsXlsx } from './hostile-files.ts';
import { dumpTables, upload } from './test-helpers.ts';

const ROWS = 3_000;
const LAND = { name: '徐州某某置业有限公司', tier: 'A', website: 'xz-land.com.cn' };
const context = (t: TestApp) =>
  t.request('GET', `/api/context?url=${encodeURIComponent('https://www.xz-land.com.cn/')}`);

/** Resolves once the import's write has the gate (its transaction runs in the worker from then on). */
async function writing(t: TestApp) {
  while (!gateOf(t.store).held) await new Promise((r) => setTimeout(r, 1));
}

/**
 * The import's write runs in the parse worker on its own connection, the write gate held: the
 * request loop keeps reading, and write requests wait for the import instead of SQLite's lock.
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
    order.push(gateOf(t.store).held ? 'context (import still writing)' : 'context');
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
    order.push('create');
    expect(created.status).toBe(201);
    expect((await commit).status).toBe(201);
    expect(order).toEqual(['commit', 'create']);
    // Both are there, and both audited.
    expect((await context(t)).json.customer.name).toBe(LAND.name);
    const audited = t.db.$client.prepare("select path from audit_log where method = 'POST' order by id").all();
    expect(audited.map((a) => (a as { path: string }).path).slice(-2)).toEqual([
      '/api/import/commit',
      '/api/customers',
    ]);
  }, 60_000);

  it('writes nothing when a row fails at the end of the file', async () => {
    const t = makeTestApp();
    await t.request('POST', '/api/customers', LAND);
    const uploadId = await upload(t, 'rows.xlsx', manyRowsXlsx(ROWS));
    const before = dumpTables(t.db, ['audit_log']);
    // The last row (sheet row ROWS + 1) is to be merged into a file that does not exist: it fails
    // after every row before it was written in the same transaction.
    const decisions = [{ row: ROWS + 1, action: 'merge', customerId: 999_999 }];
    const failed = await t.request('POST', '/api/import/commit', {
      file: { uploadId },
      decisions,
      idempotencyKey: 'gate-fail',
    });
    expect(failed.status).toBe(409);
    expect(dumpTables(t.db, ['audit_log'])).toEqual(before);
  }, 60_000);

  it('writes nothing when the worker is ended in the middle of the write', async () => {
    const t = makeTestApp();
    await t.request('POST', '/api/customers', LAND);
    const uploadId = await upload(t, 'rows.xlsx', manyRowsXlsx(ROWS));
    const before = dumpTables(t.db, ['audit_log']);
    const commit = t.request('POST', '/api/import/commit', { file: { uploadId }, idempotencyKey: 'gate-kill' });
    await writing(t);
    await new Promise((r) => setTimeout(r, 50));
    await stopParseWorker();
    const r = await commit;
    expect(r.status).toBe(500);
    expect(dumpTables(t.db, ['audit_log'])).toEqual(before);
    // The gate is free again and a fresh worker imports the same upload.
    expect(gateOf(t.store).held).toBe(false);
    const again = await t.request('POST', '/api/import/commit', { file: { uploadId }, idempotencyKey: 'gate-kill' });
    expect(again.status).toBe(201);
    expect(again.json.created).toBe(ROWS);
  }, 60_000);
});
