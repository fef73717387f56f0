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

  it('joins an open transaction when asked for one inside it', async () => {
    const { store } = fresh();
    await expect(
      store.transaction(async (tx) => {
        await tx.transaction((inner) => inner.replays.record(key('nested'), '2026-01-01T00:00:00Z'));
        throw new Error('outer fails');
      }),
    ).rejects.toThrow();
    expect(await store.replays.seen('nested')).toBeUndefined();
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
