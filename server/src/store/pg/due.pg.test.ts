import { CustomerCreate, InteractionCreate } from '@dossier/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgDb, pgPool } from '../../db/pg/client.ts';
import { createTestDatabase, pgServer } from '../../db/pg/test-db.ts';
import { createCustomer } from '../../services/customers.ts';
import { cancelAppointment, logInteraction, undoInteraction } from '../../services/interactions.ts';
import { SYSTEM } from '../../services/visibility.ts';
import type { Store } from '../store.ts';
import { pgDue } from './due.ts';
import { BOSS, type Engines, engines, onBoth, SETTINGS, T0 } from './engines.test-helpers.ts';
import type { PgExecutor } from './executor.ts';
import { pgStore, pgStoreOn } from './store.ts';

const DAY = 86_400_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY).toISOString();
const newFile = (store: Store, name: string) =>
  createCustomer(store, CustomerCreate.parse({ name, tier: 'A' }), T0, SETTINGS, SYSTEM).then((r) => r.customer.id);

/** The calls of one busy day on one file: calls, visits and e-mails at distinct times, one fixing an appointment. */
const CALLS = Array.from({ length: 24 }, (_, i) => ({
  kind: (['call', 'visit', 'email', 'meeting'] as const)[i % 4],
  at: at(1 + i / 48),
  ...(i === 7 ? { appointment: at(9) } : {}),
}));
const NOW = new Date(T0.getTime() + 3 * DAY);

const dueFields = async (store: Store, id: number) => {
  const c = await store.customers.live(id, BOSS);
  return {
    lastCallAt: c.lastCallAt,
    lastVisitAt: c.lastVisitAt,
    appointmentAt: c.appointmentAt,
    nextCallDue: c.nextCallDue,
    nextVisitDue: c.nextVisitDue,
    nextDue: c.nextDue,
    followUps: c.followUps,
  };
};

const logAll = (store: Store, customerId: number, tag: string) =>
  Promise.all(
    CALLS.map((c, i) =>
      logInteraction(
        store,
        InteractionCreate.parse({ customerId, ...c, idempotencyKey: `${tag}-${customerId}-${i}` }),
        NOW,
        SETTINGS,
        BOSS,
      ),
    ),
  );

/** The PostgreSQL store with the due refresh's row lock taken out: what the lock is there for. */
const withoutRowLock = (db: PgExecutor): Store => ({
  ...pgStoreOn(db),
  due: pgDue(db, { lockRow: false }),
  transaction: (work) => db.transaction((tx) => work(withoutRowLock(tx))),
});

let e: Engines;
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe.skipIf(!pgServer)('due fields on PostgreSQL', () => {
  beforeAll(async () => {
    e = await engines();
    cleanup.push(() => e.close());
  });

  it('are what SQLite computes, through calls, an appointment, its cancellation and an undo', async () => {
    const [a, b] = await onBoth(e, async (store) => {
      const id = await newFile(store, '嘉华贸易有限公司');
      const seen = [await dueFields(store, id)];
      const logged = [];
      for (const [i, c] of CALLS.slice(0, 9).entries()) {
        const input = InteractionCreate.parse({ customerId: id, ...c, idempotencyKey: `serial-${i}` });
        logged.push((await logInteraction(store, input, NOW, SETTINGS, BOSS)).interaction);
        seen.push(await dueFields(store, id));
      }
      // SQLite's answer carries its row's cancelled_at too: the interface's three fields are compared.
      const fixer = await store.due.standing(id, SETTINGS.timeZone);
      const standing = fixer && { id: fixer.id, at: fixer.at, appointment: fixer.appointment };
      await cancelAppointment(store, id, NOW, SETTINGS, BOSS);
      seen.push(await dueFields(store, id));
      await undoInteraction(store, logged[8]?.id ?? 0, NOW, SETTINGS, BOSS);
      seen.push(await dueFields(store, id));
      await store.transaction((tx) => tx.due.refreshAll({ ...SETTINGS, workdays: 'none' }));
      seen.push(await dueFields(store, id));
      return { seen, standing };
    });
    expect(b).toEqual(a);
    expect(a.standing?.appointment).toBe(at(9));
    expect(b.seen.at(-1)?.followUps).toBe(8);
  });

  it('lose no call when many are logged at once on one file: the same fields as logging them one by one', async () => {
    const store = pgStore(e.db);
    const serial = await newFile(store, '徐州嘉华融通置业');
    for (const [i, c] of CALLS.entries()) {
      await logInteraction(
        store,
        InteractionCreate.parse({ customerId: serial, ...c, idempotencyKey: `one-by-one-${i}` }),
        NOW,
        SETTINGS,
        BOSS,
      );
    }
    const expected = await dueFields(store, serial);
    expect(expected.followUps).toBe(CALLS.length);
    for (let round = 0; round < 3; round++) {
      const id = await newFile(store, `并发客户${round}`);
      await logAll(store, id, 'locked');
      expect(await dueFields(store, id)).toEqual(expected);
    }
  });

  it('would lose calls without the row lock (READ COMMITTED): the test above can fail', async () => {
    // A pool of its own, as wide as the calls, so every transaction runs at once.
    const database = await createTestDatabase();
    const pool = pgPool(database.url, { max: 12 });
    cleanup.push(
      () => database.drop(),
      () => pool.end(),
    );
    const db = pgDb(pool);
    const store = pgStore(db);
    const lost: number[] = [];
    for (let round = 0; round < 5 && !lost.length; round++) {
      const id = await newFile(store, `无锁客户${round}`);
      await logAll(withoutRowLock(db), id, 'unlocked');
      const { followUps } = await dueFields(store, id);
      if (followUps !== CALLS.length) lost.push(CALLS.length - followUps);
    }
    expect(lost.length).toBeGreaterThan(0);
  });
});
