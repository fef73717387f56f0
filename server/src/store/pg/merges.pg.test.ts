import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '@dossier/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client.ts';
import { pgDb, pgPool } from '../../db/pg/client.ts';
import { createTestDatabase, pgServer } from '../../db/pg/test-db.ts';
import { mergeCustomers, undoMerge } from '../../services/merge.ts';
import type { BackupStore } from '../backups.ts';
import { sqliteBackups } from '../sqlite/backups.ts';
import { sqliteMerges } from '../sqlite/merges.ts';
import { sqliteStore } from '../sqlite/store.ts';
import type { Store } from '../store.ts';
import { pgBackups } from './backups.ts';
import type { PgExecutor } from './executor.ts';
import { BOSS, FIXTURE, load, ORDER, rowsOf, T0, WANG } from './fixture.test-helpers.ts';
import { pgMerges } from './merges.ts';
import { pgStore } from './store.ts';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe.skipIf(!pgServer)('a merge and its undo on PostgreSQL', () => {
  let db: PgExecutor;
  const sqm = openDb(join(mkdtempSync(join(tmpdir(), 'dossier-pg-merge-')), 'db.sqlite'));
  beforeAll(async () => {
    const t = await createTestDatabase();
    cleanup.push(t.drop);
    const pool = pgPool(t.url, { max: 4 });
    cleanup.push(() => pool.end());
    db = pgDb(pool);
    await load(pgBackups(db));
    await load(sqliteBackups(sqm));
  });

  const snapshot = async (b: BackupStore) =>
    Object.fromEntries(await Promise.all(ORDER.map(async (t) => [t, await rowsOf(b, t)] as const)));

  it('moves what hangs off the removed file as SQLite does, and undo puts back exactly that', async () => {
    const p = pgMerges(db);
    const s = sqliteMerges(sqm);
    const before = await snapshot(pgBackups(db));
    // A share and a month's remark the survivor already has stay behind.
    await pgBackups(db).insertRows('customerShares', [{ customerId: 1, userId: 3, createdAt: T0 }]);
    await sqliteBackups(sqm).insertRows('customerShares', [{ customerId: 1, userId: 3, createdAt: T0 }]);
    const moved = await db.transaction(async (tx) => pgMerges(tx).moveRows(1, 2));
    expect(moved).toEqual(await s.moveRows(1, 2));
    expect(moved.materials).toEqual([
      { id: 3, number: 1 },
      { id: 4, number: 2 },
    ]);
    expect(moved.shareUsers).toEqual([]);
    expect(moved.remarkMonths).toEqual(['2026-10']);
    expect(await snapshot(pgBackups(db))).toEqual(await snapshot(sqliteBackups(sqm)));
    const mats = (await pgBackups(db).rows('materials')).map((m) => [m.id, m.customerId, m.number]);
    expect(mats).toEqual([
      [1, 1, 1],
      [2, 1, 2],
      [3, 1, 3],
      [4, 1, 4],
    ]);
    await p.moveBack(1, 2, moved);
    await s.moveBack(1, 2, moved);
    await pgBackups(db).rows('customerShares');
    const after = await snapshot(pgBackups(db));
    expect(after).toEqual(await snapshot(sqliteBackups(sqm)));
    expect({
      ...after,
      customerShares: after.customerShares?.filter((r) => !(r.customerId === 1 && r.userId === 3)),
    }).toEqual(before);
  });

  it('records the merge, the people it touched, and its undo', async () => {
    const p = pgMerges(db);
    const s = sqliteMerges(sqm);
    const row = {
      survivorId: 1,
      fromId: 2,
      userId: 1,
      at: T0,
      undoUntil: '2026-12-31T00:00:00.000Z',
      idempotencyKey: 'merge-1',
      snapshot: { people: [3], region: ['华东'] },
    };
    const written = await p.insert(row);
    expect(written).toEqual(await s.insert(row));
    expect(await p.byKey('merge-1')).toEqual(written);
    expect(await p.byId(written.id)).toEqual(written);
    await p.markUndone(written.id, '2026-12-01T00:00:00.000Z');
    expect((await p.byId(written.id))?.undoneAt).toBe('2026-12-01T00:00:00.000Z');
    expect(await p.ownerOf(2)).toEqual({ owner: 'wang' });
    expect(await p.ownerOf(99)).toBeUndefined();
    const repointed = await p.repointHistory(1, 2);
    expect(repointed).toEqual(await s.repointHistory(1, 2));
    expect(repointed).toEqual([1, 10]);
    await p.pointBack(repointed, 2, 1);
    expect((await p.person(1))?.id).toBe(1);
    await p.removePerson(2, T0);
    expect((await p.peopleOf(1)).map((x) => x.id)).toEqual([1]);
    await p.restorePerson(2);
    await p.updatePerson(2, { title: 'CFO' });
    await p.updateFile(2, { notes: 'merged' });
    await p.removeFile(2, T0);
    expect((await pgBackups(db).rows('interactions')).map((i) => i.personId)).toEqual(
      (FIXTURE.interactions ?? []).map((i) => i.personId),
    );
  });

  it('two merges into one survivor at once number its materials on without a collision', async () => {
    await pgMerges(db).updateFile(2, { deletedAt: null });
    await pgBackups(db).insertRows('materials', [
      {
        id: 10,
        customerId: 4,
        number: 1,
        title: 'a',
        url: null,
        fileName: null,
        mimeType: null,
        content: null,
        createdAt: T0,
      },
      {
        id: 11,
        customerId: 4,
        number: 2,
        title: 'b',
        url: null,
        fileName: null,
        mimeType: null,
        content: null,
        createdAt: T0,
      },
    ]);
    // Each in its own transaction: the second waits on the survivor's row, then numbers after the first.
    await Promise.all([2, 4].map((from) => db.transaction(async (tx) => pgMerges(tx).moveRows(5, from))));
    const numbers = (await pgBackups(db).rows('materials', { field: 'customerId', is: 5 })).map((m) => m.number);
    expect([...numbers].sort()).toEqual([1, 2, 3, 4]);
  });
});

describe.skipIf(!pgServer)('mergeCustomers and undoMerge through each store', { timeout: 30_000 }, () => {
  const SETTINGS = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Shanghai' };
  const NOW = new Date('2026-12-01T02:00:00.000Z');
  const tables = async (store: Store) =>
    Object.fromEntries(await Promise.all(ORDER.map(async (t) => [t, await rowsOf(store.backups, t)] as const)));

  it('the same rows on both engines after the merge and after its undo; the merge replayed by its key', async () => {
    const t = await createTestDatabase();
    cleanup.push(t.drop);
    const pool = pgPool(t.url, { max: 4 });
    cleanup.push(() => pool.end());
    const pg = pgStore(pgDb(pool));
    const sqlite = sqliteStore(openDb(join(mkdtempSync(join(tmpdir(), 'dossier-pg-merge-')), 'db.sqlite')));
    for (const store of [sqlite, pg]) {
      await load(store.backups);
      await store.imports.reindexFiles((FIXTURE.customers ?? []).map((c) => c.id as number));
    }
    const before = await tables(pg);
    const merge = (store: Store) => mergeCustomers(store, WANG, 1, 2, NOW, SETTINGS, 'merge-1');
    const merged = await merge(pg);
    expect(merged).toEqual(await merge(sqlite));
    expect(await tables(pg)).toEqual(await tables(sqlite));
    // Found by what moved (Acme's domain and people now on 嘉华); the ranking is search's own (bm25 on SQLite only).
    const found = async (store: Store) => (await store.search.find('acme', 10, BOSS)).map((h) => h.id).sort();
    expect(await found(pg)).toEqual(await found(sqlite));
    expect(await merge(pg)).toEqual(await merge(sqlite));

    const mergeId = (await pg.merges.byKey('merge-1'))?.id as number;
    const undo = (store: Store) => undoMerge(store, WANG, mergeId, NOW, SETTINGS);
    expect(await undo(pg)).toEqual(await undo(sqlite));
    const after = await tables(pg);
    expect(after).toEqual(await tables(sqlite));
    // Back as it was, but for what the undo works out again on the two files' rows (their due
    // dates and follow-ups from their history, which the fixture's rows do not follow).
    const files = (x: typeof before) =>
      x.customers?.map(
        ({ updatedAt, lastCallAt, lastVisitAt, nextCallDue, nextVisitDue, nextDue, appointmentAt, followUps, ...c }) =>
          c,
      );
    expect(files(after)).toEqual(files(before));
    expect({ ...after, customers: [] }).toEqual({ ...before, customers: [] });
    await expect(undo(pg)).rejects.toThrow(/already undone/);
  });

  it('the same two files merged twice at once (two keys): one merge, the other finds the file gone', async () => {
    const t = await createTestDatabase();
    cleanup.push(t.drop);
    const pool = pgPool(t.url, { max: 4 });
    cleanup.push(() => pool.end());
    const pg = pgStore(pgDb(pool));
    await load(pg.backups);
    const results = await Promise.allSettled(
      ['merge-a', 'merge-b'].map((key) => mergeCustomers(pg, WANG, 1, 2, NOW, SETTINGS, key)),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: 'not_found' });
    expect([await pg.merges.byKey('merge-a'), await pg.merges.byKey('merge-b')].filter(Boolean)).toHaveLength(1);
  });

  it('one merge undone twice at once: one undo, the other finds it undone', async () => {
    const t = await createTestDatabase();
    cleanup.push(t.drop);
    const pool = pgPool(t.url, { max: 4 });
    cleanup.push(() => pool.end());
    const pg = pgStore(pgDb(pool));
    await load(pg.backups);
    const { mergeId } = await mergeCustomers(pg, WANG, 1, 2, NOW, SETTINGS, 'merge-c');
    const results = await Promise.allSettled([1, 2].map(() => undoMerge(pg, WANG, mergeId, NOW, SETTINGS)));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: 'conflict' });
    expect(String(failed.reason.message)).toMatch(/already undone/);
  });
});
