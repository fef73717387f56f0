import { CustomerCreate } from '@dossier/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgServer } from '../../db/pg/test-db.ts';
import { ApiError } from '../../lib/errors.ts';
import { createCustomer, softDeleteCustomer, updateCustomer } from '../../services/customers.ts';
import { shareCustomer } from '../../services/shares.ts';
import { SYSTEM } from '../../services/visibility.ts';
import type { CustomerFilter } from '../customers.ts';
import type { Store } from '../store.ts';
import { BOSS, type Engines, engines, LI, onBoth, SETTINGS, T0, WANG } from './engines.test-helpers.ts';

/**
 * Files written through the services on SQLite and on PostgreSQL, in the same order at the same
 * times: every read of the customers and people areas must give the same answer on both.
 */

/** Names whose order differs between code points and a linguistic collation: upper and lower case, _, Chinese. */
const FILES = [
  { name: 'acme trading', tier: 'A', owner: 'wang', region: ['华东', '江苏', '徐州'], stage: 'contacted' },
  { name: 'Acme Holdings', tier: 'B', owner: 'wang', region: ['华东', '上海'] },
  { name: '_Zeta Works', tier: 'C', owner: 'li', status: 'active', companyType: 'private' },
  { name: '阿里巴巴网络', tier: 'A', owner: 'li', region: ['华东', '浙江'], sizeClass: 'large' },
  { name: '张江科技', tier: 'B', owner: 'boss', status: 'lost', lostReasonCode: 'price' },
  { name: '王府井百货', tier: 'C', owner: 'wang', status: 'signed', region: ['华北', '北京'] },
  { name: 'beta', tier: 'A', owner: 'li', keys: [{ kind: 'icp', value: '苏ICP备12345678号' }] },
  {
    name: '嘉华贸易有限公司',
    tier: 'A',
    owner: 'wang',
    website: 'https://www.jiahua-trade.cn/about',
    people: [{ name: '王建国', mobile: '13912345678', email: 'Wang.JG@Jiahua-Trade.cn', keyPerson: true }],
  },
];

let e: Engines;
const ids: number[] = [];

const create = (store: Store, file: Record<string, unknown>, i: number) =>
  createCustomer(
    store,
    CustomerCreate.parse({ ...file, idempotencyKey: `create-file-${i}` }),
    new Date(T0.getTime() + i * 60_000),
    SETTINGS,
    BOSS,
  );

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'no error';
  } catch (err) {
    return err instanceof ApiError ? { code: err.code, message: err.message, details: err.details } : String(err);
  }
};

describe.skipIf(!pgServer)('the customers area on PostgreSQL', () => {
  beforeAll(async () => {
    e = await engines();
    const [a, b] = await onBoth(e, async (store) => {
      const out = [];
      for (const [i, f] of FILES.entries()) out.push((await create(store, f, i)).customer);
      await shareCustomer(store, out[0]?.id ?? 0, LI.id, T0);
      return out;
    });
    expect(b).toEqual(a);
    ids.push(...a.map((c) => c.id));
  });
  afterAll(() => e?.close());

  it('lists the same files in the same order for every filter, sort and viewer', async () => {
    const filters: Partial<CustomerFilter>[] = [
      {},
      { sort: 'initials' },
      { sort: 'initials', status: 'lost' },
      { status: 'lost' },
      { tier: 'A' },
      { owner: 'wang' },
      { overdue: 'true' },
      { overdue: 'false', sort: 'initials' },
      { stage: 'contacted' },
      { companyType: 'private' },
      { sizeClass: 'large' },
      { region: '华东' },
      { region: '华东/江苏' },
      { region: '华东/江苏/徐州' },
      { region: '华北/江苏' },
      { sort: 'initials', limit: 3, offset: 2 },
    ];
    const now = new Date(T0.getTime() + 40 * 86_400_000).toISOString();
    for (const viewer of [BOSS, WANG, LI]) {
      for (const f of filters) {
        const filter: CustomerFilter = { sort: 'due', limit: 50, offset: 0, ...f };
        const [a, b] = await onBoth(e, (s) => s.customers.list(filter, now, viewer));
        expect(b, `${viewer.name} ${JSON.stringify(f)}`).toEqual(a);
      }
    }
    const [byInitials] = await onBoth(e, (s) =>
      s.customers.list({ sort: 'initials', limit: 50, offset: 0 }, now, BOSS),
    );
    expect(byInitials.total).toBe(FILES.length);
  });

  it('answers the point reads alike: detail, live, keys, users, idempotency keys, 404s', async () => {
    for (const viewer of [BOSS, WANG, LI]) {
      for (const id of [...ids, 999]) {
        const [a, b] = await onBoth(e, (s) => failure(s.customers.detail(id, viewer).then((d) => ({ ok: d }))));
        expect(b).toEqual(a);
      }
    }
    const [a, b] = await onBoth(e, async (s) => ({
      anyLive: await s.customers.anyLive(),
      byKey: await s.customers.byKey('create-file-3'),
      noKey: await s.customers.byKey('nope-nope'),
      domain: await s.customers.keyOf('domain', 'jiahua-trade.cn'),
      credit: await s.customers.keyOf('icp', '苏ICP备12345678号'),
    }));
    expect(b).toEqual(a);
    expect(b.domain?.customerId).toBe(ids[7]);
  });

  it('refuses a key another file holds with the same 409, naming that file only to those who see it', async () => {
    const key = [{ kind: 'domain' as const, value: 'jiahua-trade.cn' }];
    for (const viewer of [BOSS, WANG, LI]) {
      const [a, b] = await onBoth(e, (s) =>
        failure(s.transaction((tx) => tx.customers.addKeys(ids[1] ?? 0, key, T0.toISOString(), 'fail', viewer))),
      );
      expect(b).toEqual(a);
      expect(b).toMatchObject({ code: 'conflict' });
    }
    const [skipped, skippedPg] = await onBoth(e, async (s) => {
      await s.customers.addKeys(ids[1] ?? 0, key, T0.toISOString(), 'skip', BOSS);
      await s.customers.addKeys(ids[7] ?? 0, key, T0.toISOString(), 'fail', BOSS);
      return (await s.customers.detail(ids[1] ?? 0, BOSS)).keys;
    });
    expect(skippedPg).toEqual(skipped);
  });

  it('changes, removes and brings back alike: updates with new search forms, people, keys, deletion', async () => {
    const at = new Date(T0.getTime() + 86_400_000);
    const [a, b] = await onBoth(e, async (s) => {
      const renamed = await updateCustomer(s, ids[1] ?? 0, { name: 'Acme Group 集团', tier: 'A' }, at, SETTINGS, BOSS);
      const person = await s.people.insert(ids[1] ?? 0, { name: '李明', email: 'LI@ACME.COM' }, at.toISOString());
      const edited = await s.people.update(
        ids[1] ?? 0,
        person.id,
        { title: '经理', email: 'Li.Ming@Acme.com' },
        at.toISOString(),
      );
      const wrongFile = await s.people.update(ids[2] ?? 0, person.id, { title: 'x' }, at.toISOString());
      const removed = [
        await s.people.remove(ids[1] ?? 0, person.id, at.toISOString()),
        await s.people.remove(ids[1] ?? 0, person.id, at.toISOString()),
      ];
      const keyId = renamed.keys[0]?.id ?? 0;
      const keyGone = [
        await s.customers.removeKey(ids[2] ?? 0, keyId),
        await s.customers.removeKey(ids[1] ?? 0, keyId),
      ];
      await softDeleteCustomer(s, ids[5] ?? 0, at, BOSS);
      return {
        renamed,
        edited,
        wrongFile: wrongFile ?? null,
        removed,
        keyGone,
        live: await failure(s.customers.live(ids[5] ?? 0, BOSS)),
        asReplay: (await s.customers.live(ids[5] ?? 0, BOSS, true)).deletedAt,
        tiers: await s.customerFiles.tierChanges(ids[1] ?? 0),
        after: await s.customers.detail(ids[1] ?? 0, BOSS),
      };
    });
    expect(b).toEqual(a);
    expect(b.after.name).toBe('Acme Group 集团');
    expect(b.edited?.email).toBe('li.ming@acme.com');
  });

  it('replays a create with the same key and refuses it to another user', async () => {
    const [a, b] = await onBoth(e, async (s) => ({
      again: await create(s, FILES[0] ?? {}, 0).then((r) => ({ id: r.customer.id, replayed: r.replayed })),
      other: await failure(
        createCustomer(
          s,
          CustomerCreate.parse({ name: 'x', tier: 'A', idempotencyKey: 'create-file-0' }),
          T0,
          SETTINGS,
          WANG,
        ),
      ),
      system: (await s.customers.live(ids[0] ?? 0, SYSTEM)).id,
    }));
    expect(b).toEqual(a);
    expect(b.again.replayed).toBe(true);
  });
});
