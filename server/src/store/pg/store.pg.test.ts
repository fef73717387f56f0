import { CommitmentCreate, CustomerCreate, InteractionCreate } from '@dossier/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgServer } from '../../db/pg/test-db.ts';
import { ApiError } from '../../lib/errors.ts';
import { createCommitment, keepCommitment } from '../../services/commitments.ts';
import { addMaterial } from '../../services/customer-file.ts';
import { createCustomer } from '../../services/customers.ts';
import { logInteraction } from '../../services/interactions.ts';
import { SYSTEM } from '../../services/visibility.ts';
import type { Store } from '../store.ts';
import { BOSS, type Engines, engines, LI, onBoth, SETTINGS, T0, WANG } from './engines.test-helpers.ts';

/**
 * The PostgreSQL store as a whole: its transactions and savepoints, concurrent writers kept apart
 * by row locks and unique constraints, and the reads of a file's card and contents as on SQLite.
 */

let e: Engines;
const cleanup: (() => Promise<void>)[] = [];
const at = T0.toISOString();
const replay = (key: string) => ({ key, userId: 1, operation: 'test', fingerprint: 'f' });
const code = (p: Promise<unknown>) =>
  p.then(
    (v) => (typeof v === 'string' ? v : 'ok'),
    (err) => (err instanceof ApiError ? err.code : String(err)),
  );

const newFile = (store: Store, name: string, extra: Record<string, unknown> = {}) =>
  createCustomer(store, CustomerCreate.parse({ name, tier: 'B', owner: 'wang', ...extra }), T0, SETTINGS, SYSTEM).then(
    (r) => r.customer.id,
  );

describe.skipIf(!pgServer)('the PostgreSQL store', () => {
  beforeAll(async () => {
    e = await engines({ poolSize: 8 });
  });
  afterAll(async () => {
    for (const c of cleanup.splice(0)) await c();
    await e?.close();
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await e.pg.transaction((tx) => tx.replays.record(replay('kept'), at));
    await expect(
      e.pg.transaction(async (tx) => {
        await tx.replays.record(replay('undone'), at);
        throw new Error('fails halfway');
      }),
    ).rejects.toThrow('fails halfway');
    expect(await e.pg.replays.seen('kept')).toEqual(replay('kept'));
    expect(await e.pg.replays.seen('undone')).toBeUndefined();
  });

  it('runs a transaction inside another as a savepoint: its failure undoes only its own writes', async () => {
    await e.pg.transaction(async (tx) => {
      await tx.replays.record(replay('outer'), at);
      await expect(
        tx.transaction(async (inner) => {
          await inner.replays.record(replay('inner'), at);
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
      // The outer transaction is still usable after the savepoint was rolled back.
      expect(await tx.replays.seen('inner')).toBeUndefined();
    });
    expect(await e.pg.replays.seen('outer')).toBeDefined();
    expect(await e.pg.replays.seen('inner')).toBeUndefined();
  });

  it('keeps an open transaction from others: they neither see its rows nor wait for it to read', async () => {
    let release!: () => void;
    const paused = new Promise<void>((r) => {
      release = r;
    });
    let written!: () => void;
    const wrote = new Promise<void>((r) => {
      written = r;
    });
    const open = e.pg.transaction(async (tx) => {
      await tx.replays.record(replay('in-flight'), at);
      written();
      await paused;
    });
    await wrote;
    expect(await e.pg.replays.seen('in-flight')).toBeUndefined();
    release();
    await open;
    expect(await e.pg.replays.seen('in-flight')).toBeDefined();
  });

  it('answers one key used by three transactions at once with one write and two replays, not an aborted transaction', async () => {
    const id = await newFile(e.pg, '并发幂等');
    const input = InteractionCreate.parse({ customerId: id, kind: 'call', idempotencyKey: 'same-key-twice' });
    const results = await Promise.all(
      [0, 1, 2].map(() =>
        code(logInteraction(e.pg, input, T0, SETTINGS, BOSS).then((r) => (r.replayed ? 'replay' : 'ok'))),
      ),
    );
    expect(results.sort()).toEqual(['ok', 'replay', 'replay']);
    // Sent again, it is answered as a replay.
    expect((await logInteraction(e.pg, input, T0, SETTINGS, BOSS)).replayed).toBe(true);
    expect(await e.pg.customerFiles.contacts(id)).toHaveLength(1);
  });

  it('makes the second of two transactions recording one key wait for the first, then says so with its transaction intact', async () => {
    let commitFirst!: () => void;
    const firstMayCommit = new Promise<void>((r) => {
      commitFirst = r;
    });
    let recorded!: () => void;
    const firstRecorded = new Promise<void>((r) => {
      recorded = r;
    });
    const first = e.pg.transaction(async (tx) => {
      await tx.replays.record(replay('raced'), at);
      recorded();
      await firstMayCommit;
    });
    await firstRecorded;
    const second = e.pg.transaction(async (tx) => {
      expect(await tx.replays.seen('raced')).toBeUndefined();
      const outcome = tx.replays.record(replay('raced'), at);
      setTimeout(commitFirst, 50);
      const answer = await outcome;
      // Still usable: a failed plain insert would have aborted it ("current transaction is aborted").
      await tx.replays.record(replay('after-the-race'), at);
      return answer;
    });
    await first;
    expect(await second).toBe(false);
    expect(await e.pg.replays.seen('after-the-race')).toBeDefined();
  });

  it('numbers materials added at once 1, 2, 3 … without a gap or a duplicate', async () => {
    const id = await newFile(e.pg, '资料并发');
    const added = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        addMaterial(e.pg, id, { title: `资料${i}`, contentBase64: 'aGVsbG8=' }, T0, BOSS),
      ),
    );
    expect(added.map((m) => m.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const stored = await e.pg.customerFiles.material(id, added[0]?.id ?? 0);
    expect(stored?.content?.toString()).toBe('hello');
  });

  it("reads a file's card, badge, contents and promises as SQLite does", async () => {
    // Engines of its own: the ids must start alike on both.
    const fresh = await engines();
    cleanup.push(() => fresh.close());
    const [a, b] = await onBoth(fresh, async (s) => {
      const id = await newFile(s, '嘉华贸易有限公司', {
        website: 'https://www.jiahua-trade.cn',
        emails: ['info@jiahua.com.cn'],
        people: [{ name: '王建国', email: 'WANG@jiahua-trade.cn' }, { name: '李明' }],
      });
      // Its mailbox domain is the first file's website domain: two keys of one value.
      await newFile(s, '嘉华贸易(徐州)有限公司', {
        owner: 'li',
        emails: ['sales@jiahua-trade.cn'],
        allowDuplicate: true,
      });
      for (let i = 0; i < 5; i++) {
        const input = InteractionCreate.parse({
          customerId: id,
          kind: i % 2 ? 'visit' : 'call',
          at: new Date(T0.getTime() + i * 3_600_000).toISOString(),
          visit: i % 2 ? { purpose: '拜访' } : undefined,
          idempotencyKey: `card-${id}-${i}`,
        });
        await logInteraction(s, input, new Date(T0.getTime() + 86_400_000), SETTINGS, BOSS);
      }
      const promise = CommitmentCreate.parse({
        customerId: id,
        text: '寄样品',
        dueAt: '2026-09-03T00:00:00Z',
        idempotencyKey: 'promise-1',
      });
      const made = await createCommitment(s, promise, T0, WANG);
      const again = await createCommitment(s, promise, T0, WANG);
      const kept = await keepCommitment(s, made.commitment.id, T0, WANG);
      await addMaterial(s, id, { title: '报价单', url: 'https://example.com/q.pdf' }, T0, BOSS);
      const cards = [];
      for (const viewer of [BOSS, WANG, LI]) {
        cards.push({
          byDomain: await s.context.byKey(['domain', 'email_domain'], 'jiahua-trade.cn', viewer),
          byMailbox: await s.context.byKey(['email_domain'], 'jiahua.com.cn', viewer),
          none: await s.context.byKey(['icp'], 'jiahua-trade.cn', viewer),
          mailboxFirst: await s.context.byKey(['email_domain', 'domain'], 'jiahua-trade.cn', viewer),
          byPerson: await s.context.byPersonEmail('wang@jiahua-trade.cn', viewer),
          sameName: await s.context.sameName((await s.customers.live(id, BOSS)).normalizedName, viewer, 5),
          badge: await s.context.badge('jiahua-trade.cn', viewer),
        });
      }
      return {
        cards,
        again: again.replayed,
        kept,
        byId: await s.commitments.byId(made.commitment.id),
        contacts: await s.customerFiles.contacts(id),
        promises: await s.customerFiles.commitments(id),
        materials: await s.customerFiles.materials(id),
        parcels: await s.customerFiles.parcels(id),
        removed: [await s.customerFiles.removeMaterial(id, 999), await s.customerFiles.removeMaterial(id, 1)],
      };
    });
    expect(b).toEqual(a);
    expect(b.cards[0]?.byDomain?.card?.lastInteractions).toHaveLength(3);
    // li cannot see the file holding the domain; her own holds it as its mailbox domain (the badge's rule).
    expect(b.cards[2]?.byDomain?.kind).toBe('email_domain');
    expect(b.cards[2]?.byDomain?.card?.customer.owner).toBe('li');
  });
});
