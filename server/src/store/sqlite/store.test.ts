import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/client.ts';
import { sqliteStore } from './store.ts';

const fresh = () => {
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'dossier-store-')), 'db.sqlite'));
  return { db, store: sqliteStore(db) };
};
const key = (k: string) => ({ key: k, userId: 1, operation: 'test', fingerprint: 'f' });
const tick = () => new Promise((r) => setImmediate(r));

describe('the SQLite store', () => {
  it('commits what a transaction wrote when its work resolves', async () => {
    const { store } = fresh();
    await store.transaction(async (tx) => {
      await tx.replays.record(key('a'), '2026-01-01T00:00:00Z');
    });
    expect(await store.replays.seen('a')).toMatchObject({ key: 'a', userId: 1 });
  });

  it('rolls everything back when the work throws, after it has yielded', async () => {
    const { store } = fresh();
    await expect(
      store.transaction(async (tx) => {
        await tx.replays.record(key('b'), '2026-01-01T00:00:00Z');
        await tick();
        throw new Error('fails halfway');
      }),
    ).rejects.toThrow('fails halfway');
    expect(await store.replays.seen('b')).toBeUndefined();
  });

  it('keeps others out of an open transaction: their reads wait for its commit, their writes are not rolled back with it', async () => {
    const { store } = fresh();
    let release!: () => void;
    const paused = new Promise<void>((r) => {
      release = r;
    });
    const failing = store
      .transaction(async (tx) => {
        await tx.replays.record(key('inside'), '2026-01-01T00:00:00Z');
        await paused;
        throw new Error('rolled back');
      })
      .catch(() => 'rolled back');
    await tick();
    // Another request meanwhile: it must not see the uncommitted row, nor write into that transaction.
    const read = store.replays.seen('inside');
    const write = store.transaction((tx) => tx.replays.record(key('outside'), '2026-01-01T00:00:00Z'));
    release();
    expect(await failing).toBe('rolled back');
    expect(await read).toBeUndefined();
    await write;
    expect(await store.replays.seen('outside')).toBeDefined();
    expect(await store.replays.seen('inside')).toBeUndefined();
  });

  it('nests a transaction as a savepoint: its writes go with the outer one, or alone when it fails', async () => {
    const { store } = fresh();
    await expect(
      store.transaction(async (tx) => {
        await tx.transaction((inner) => inner.replays.record(key('nested'), '2026-01-01T00:00:00Z'));
        throw new Error('outer fails');
      }),
    ).rejects.toThrow();
    expect(await store.replays.seen('nested')).toBeUndefined();
    await store.transaction(async (tx) => {
      await tx.replays.record(key('kept'), '2026-01-01T00:00:00Z');
      await tx
        .transaction(async (inner) => {
          await inner.replays.record(key('undone'), '2026-01-01T00:00:00Z');
          throw new Error('inner fails');
        })
        .catch(() => undefined);
    });
    expect(await store.replays.seen('kept')).toBeDefined();
    expect(await store.replays.seen('undone')).toBeUndefined();
  });

  it('runs a call waiting outside in no transaction that begins as its wait ends', async () => {
    const { store } = fresh();
    let release!: () => void;
    const paused = new Promise<void>((r) => {
      release = r;
    });
    // One request's two transactions, the second begun the moment the first ends, and failing.
    const request = (async () => {
      await store.transaction(async () => {
        await paused;
      });
      await store
        .transaction(async (tx) => {
          await tx.replays.record(key('second'), '2026-01-01T00:00:00Z');
          await new Promise((r) => setTimeout(r, 10));
          throw new Error('second fails');
        })
        .catch(() => undefined);
    })();
    await tick();
    // Another request's write, waiting while the first is open: it must not join the second.
    const outside = store.replays.record(key('outside'), '2026-01-01T00:00:00Z');
    release();
    await outside;
    await request;
    expect(await store.replays.seen('outside')).toBeDefined();
    expect(await store.replays.seen('second')).toBeUndefined();
  });

  it('refuses a transaction asked of the outer store inside one, instead of hanging', async () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'dossier-store-')), 'db.sqlite'));
    const store = sqliteStore(db, { patienceMs: 200 });
    await expect(store.transaction(() => store.transaction(async () => undefined))).rejects.toThrow(/outer store/);
    // Nothing is left held: the next transaction runs.
    await store.transaction((tx) => tx.replays.record(key('after-nested'), '2026-01-01T00:00:00Z'));
    expect(await store.replays.seen('after-nested')).toBeDefined();
  });

  it('refuses the outer store inside a transaction instead of waiting for itself forever', async () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'dossier-store-')), 'db.sqlite'));
    const store = sqliteStore(db, { patienceMs: 200 });
    await expect(store.transaction(() => store.replays.seen('x'))).rejects.toThrow(/the outer store/);
    // The connection is usable afterwards: the failed transaction was rolled back.
    await store.transaction((tx) => tx.replays.record(key('after'), '2026-01-01T00:00:00Z'));
    expect(await store.replays.seen('after')).toBeDefined();
  });
});
