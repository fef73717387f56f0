import { CustomerCreate, DEFAULT_SETTINGS } from '@dossier/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgDb, pgPool } from '../db/pg/client.ts';
import { createTestDatabase, pgServer } from '../db/pg/test-db.ts';
import { pgStore } from '../store/pg/store.ts';
import type { Store } from '../store/store.ts';
import { createCommitment, keepCommitment, withdrawCommitment } from './commitments.ts';
import { createCustomer, updateCustomer } from './customers.ts';
import { mergeCustomers } from './merge.ts';
import { commitImport } from './transfer/imports.ts';
import { stopParseWorker } from './transfer/parse-pool.ts';
import type { Viewer } from './visibility.ts';

/**
 * Read-then-write flows on a customer row, with another writer committing between the read and
 * the write: on PostgreSQL (READ COMMITTED, several connections) the row must be held before it
 * is read (CustomerStore.lock), or what the other writer committed is overwritten; a promise is
 * written only while it is still open. SQLite's writers never overlap: nothing to race there.
 */

const T0 = new Date('2026-11-23T02:00:00.000Z');
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await stopParseWorker();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The store, but inside a transaction every read of file `id` by `area.method` (customers.live,
 * imports.visibleFile) is followed by `afterRead()` before the flow goes on: the window in which
 * the other writer commits.
 */
function pausingAfterRead(
  store: Store,
  id: number,
  afterRead: () => Promise<void>,
  [area, method]: ['customers', 'live'] | ['imports', 'visibleFile'] = ['customers', 'live'],
): Store {
  return {
    ...store,
    transaction: (work) =>
      store.transaction((tx) => {
        const repo = tx[area] as unknown as Record<string, (id: number, ...rest: unknown[]) => Promise<unknown>>;
        const read = repo[method] as (id: number, ...rest: unknown[]) => Promise<unknown>;
        const paused = async (fid: number, ...rest: unknown[]) => {
          const row = await read(fid, ...rest);
          if (fid === id) await afterRead();
          return row;
        };
        return work({ ...tx, [area]: { ...repo, [method]: paused } } as Store);
      }),
  };
}

/**
 * Runs `write` in the window: it either commits at once (nothing held the row) or waits for the
 * paused flow's lock, which it cannot get until that flow commits; after a while the flow goes on.
 */
function racing(write: () => Promise<unknown>) {
  let pending: Promise<unknown> | undefined;
  return {
    afterRead: async () => {
      if (pending) return; // once
      pending = write();
      await Promise.race([pending, sleep(500)]);
    },
    done: () => pending,
  };
}

describe.skipIf(!pgServer)('no lost update on a customer row (PostgreSQL)', () => {
  let pool: ReturnType<typeof pgPool>;
  let store: Store;
  let boss: Viewer;
  beforeAll(async () => {
    const t = await createTestDatabase();
    cleanup.push(t.drop);
    pool = pgPool(t.url, { max: 4 });
    cleanup.push(() => pool.end());
    store = pgStore(pgDb(pool));
    const { rows } = await pool.query<{ id: number }>(
      "insert into users (name, role, token_hash, created_at) values ('boss', 'manager', 'h', $1) returning id",
      [T0.toISOString()],
    );
    boss = { id: rows[0]?.id as number, name: 'boss', role: 'manager' };
  });

  const file = async (fields: Record<string, unknown>) =>
    (await createCustomer(store, CustomerCreate.parse(fields), T0, DEFAULT_SETTINGS, boss)).customer.id;

  it('a merge: an edit of the surviving file committed after the merge read it is not overwritten by the fill', async () => {
    const survivor = await file({ name: '徐州中兴置业', tier: 'A' });
    const from = await file({ name: '中兴置业', tier: 'B', industry: '房地产', address: '徐州市云龙区' });
    const edit = racing(() =>
      updateCustomer(store, survivor, { industry: '建筑', notes: '刚改过' }, T0, DEFAULT_SETTINGS, boss),
    );
    // The merge reads the survivor, then the other file; the edit goes in right after both reads.
    const merging = pausingAfterRead(store, from, edit.afterRead);
    const merged = await mergeCustomers(merging, boss, survivor, from, T0, DEFAULT_SETTINGS);
    await edit.done();
    // The merge filled the blanks it saw; the edit's industry was no blank when it committed.
    expect(merged.filled).toEqual(expect.arrayContaining(['industry', 'address']));
    const after = await store.customers.live(survivor, boss);
    expect(after).toMatchObject({ industry: '建筑', notes: '刚改过', address: '徐州市云龙区' });
  });

  it('an edit of the tier: a change committed after the edit read the file stays in the tier history', async () => {
    const id = await file({ name: '嘉华贸易', tier: 'C' });
    const other = racing(() => updateCustomer(store, id, { tier: 'B' }, T0, DEFAULT_SETTINGS, boss));
    await updateCustomer(pausingAfterRead(store, id, other.afterRead), id, { tier: 'A' }, T0, DEFAULT_SETTINGS, boss);
    await other.done();
    // Every line of the history starts where the one before it ended: no change was written
    // from a tier that was no longer the file's.
    const { rows } = await pool.query<{ from_tier: string; to_tier: string }>(
      'select from_tier, to_tier from tier_changes where customer_id = $1 order by id',
      [id],
    );
    expect(rows.length).toBe(3);
    for (const [i, r] of rows.entries()) expect(r.from_tier).toBe(i === 0 ? null : rows[i - 1]?.to_tier);
    expect((await store.customers.live(id, boss)).tier).toBe(rows[2]?.to_tier);
  });

  it('a promise kept while a colleague withdraws it: one of them wins, the other is told (409), never both', async () => {
    const id = await file({ name: '徐州承诺置业', tier: 'A' });
    const input = { customerId: id, text: '发送报价单', dueAt: '2026-11-24T02:00:00.000Z' };
    const { commitment } = await createCommitment(store, input, T0, boss);
    const withdraw = racing(() => withdrawCommitment(store, commitment.id, '客户说不需要了', T0, boss));
    // Keeping reads the promise open, then its file; the withdrawal commits in between.
    const keeping = keepCommitment(pausingAfterRead(store, id, withdraw.afterRead), commitment.id, T0, boss);
    await expect(keeping).rejects.toMatchObject({ code: 'conflict' });
    expect(await withdraw.done()).toMatchObject({ withdrawnAt: T0.toISOString(), keptAt: null });
    const { rows } = await pool.query('select kept_at, withdrawn_at from commitments where id = $1', [commitment.id]);
    expect(rows).toEqual([{ kept_at: null, withdrawn_at: T0.toISOString() }]);
  });

  it('an import merging into a file: an edit committed after the import read the file is not overwritten', async () => {
    const id = await file({ name: '徐州某某置业有限公司', tier: 'B', website: 'www.xz-land.com.cn' });
    const edit = racing(() => updateCustomer(store, id, { industry: '建筑' }, T0, DEFAULT_SETTINGS, boss));
    const csv = '公司名称,网址,电话,行业\n徐州某某置业有限公司,www.xz-land.com.cn,0516-80000001,房地产\n';
    const importing = pausingAfterRead(store, id, edit.afterRead, ['imports', 'visibleFile']);
    const { report } = await commitImport(
      importing,
      boss,
      T0,
      { file: { filename: 'list.csv', data: Buffer.from(csv).toString('base64') }, idempotencyKey: 'lock-import-1' },
      (write) => write(),
    );
    await edit.done();
    expect(report).toMatchObject({ merged: 1, created: 0 });
    expect(report.rows[0]).toMatchObject({ outcome: 'merged', customerId: id });
    // The import filled the blank it saw and added its number; the edit's industry came after.
    expect(await store.customers.live(id, boss)).toMatchObject({ industry: '建筑', phones: ['0516-80000001'] });
  });
});
