import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CommitmentCreate,
  CustomerCreate,
  DEFAULT_SETTINGS,
  InteractionCreate,
  type InteractionCreate as InteractionIn,
  type Settings,
} from '@dossier/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client.ts';
import { pgDb, pgPool } from '../../db/pg/client.ts';
import { createTestDatabase, pgServer } from '../../db/pg/test-db.ts';
import { ApiError } from '../../lib/errors.ts';
import type { BackupRow } from '../../store/backups.ts';
import { pgStore } from '../../store/pg/store.ts';
import { sqliteStore } from '../../store/sqlite/store.ts';
import type { Store } from '../../store/store.ts';
import { createCommitment } from '../commitments.ts';
import { confirmContactPoint, contactPointList } from '../contact-points.ts';
import { addMaterial } from '../customer-file.ts';
import { createCustomer } from '../customers.ts';
import { writeFocus } from '../focus.ts';
import { logInteraction } from '../interactions.ts';
import { addUser } from '../users.ts';
import type { Viewer } from '../visibility.ts';
import { describePush, type PushReport, pushToTeam } from './push.ts';

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Shanghai' };
const T0 = new Date('2026-09-01T02:00:00.000Z');
const DAY = 86_400_000;
const day = (n: number) => new Date(T0.getTime() + n * DAY);
const NOW = day(10);

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** A person's own SQLite file, as `dossier start` keeps it, with its one user. */
async function laptop(): Promise<{ store: Store; me: Viewer }> {
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'dossier-push-')), 'dossier.sqlite'));
  cleanup.push(() => {
    db.$client.close();
  });
  const store = sqliteStore(db);
  const { user } = await addUser(store, 'me', 'manager', T0);
  return { store, me: { id: user.id, name: user.name, role: user.role } };
}

/** The team database with a manager and two members; wang already keeps a file there. */
async function teamServer() {
  const database = await createTestDatabase();
  const pool = pgPool(database.url, { max: 4 });
  cleanup.push(database.drop, () => pool.end());
  const store = pgStore(pgDb(pool));
  const users: Record<string, Viewer> = {};
  for (const [name, role] of [
    ['boss', 'manager'],
    ['wang', 'member'],
    ['li', 'member'],
  ] as const) {
    const { user } = await addUser(store, name, role, T0);
    users[name] = { id: user.id, name, role };
  }
  await createCustomer(
    store,
    CustomerCreate.parse({ name: '北方置业集团', tier: 'A', keys: [{ kind: 'domain', value: 'beifang.com' }] }),
    T0,
    SETTINGS,
    users.wang,
  );
  return { store, users: users as Record<'boss' | 'wang' | 'li', Viewer> };
}

const log = (store: Store, me: Viewer, input: Omit<InteractionIn, 'idempotencyKey'>, key: string, now = NOW) =>
  logInteraction(store, InteractionCreate.parse({ ...input, idempotencyKey: key }), now, SETTINGS, me);

/** Three files with what a working week leaves in them. */
async function fill(store: Store, me: Viewer) {
  const create = async (input: Parameters<typeof CustomerCreate.parse>[0]) =>
    (await createCustomer(store, CustomerCreate.parse(input), T0, SETTINGS, me)).customer;
  const jiahua = await create({
    name: '嘉华贸易有限公司',
    tier: 'A',
    notes: '老板只在周二见客',
    keys: [
      { kind: 'domain', value: 'jiahua.cn' },
      { kind: 'credit_code', value: '91350100M000100Y43' },
    ],
    people: [
      { name: '王建国', title: '总经理', mobile: '13800000001', preferences: '喜欢钓鱼，不喝酒', keyPerson: true },
      { name: '张三', title: '财务' },
    ],
  });
  const beifang = await create({
    name: '北方置业',
    tier: 'B',
    keys: [
      { kind: 'domain', value: 'beifang.com' },
      { kind: 'domain', value: 'bfzy.cn' },
    ],
    people: [{ name: '李明', title: '采购' }],
  });
  const acme = await create({ name: 'Acme Trading', tier: 'C' });
  const wang = jiahua.people.find((p) => p.name === '王建国')?.id;
  const li = beifang.people[0]?.id;
  await log(
    store,
    me,
    { customerId: jiahua.id, kind: 'call', at: day(1).toISOString(), personId: wang },
    'call-jiahua-1',
  );
  await log(
    store,
    me,
    {
      customerId: jiahua.id,
      kind: 'visit',
      at: day(2).toISOString(),
      personId: wang,
      visit: { needs: '仓储扩容', entryPoint: '先做华东仓' },
      appointment: day(12).toISOString(),
    },
    'visit-jiahua-1',
  );
  await log(
    store,
    me,
    { customerId: beifang.id, kind: 'call', at: day(3).toISOString(), personId: li },
    'call-beifang-1',
  );
  await createCommitment(
    store,
    CommitmentCreate.parse({ customerId: jiahua.id, text: '周五前发报价', dueAt: day(11).toISOString() }),
    NOW,
    me,
  );
  await addMaterial(
    store,
    jiahua.id,
    { title: '公司简介', fileName: 'profile.txt', contentBase64: Buffer.from('profile').toString('base64') },
    NOW,
    me,
  );
  await writeFocus(store, '2026-09-11', '先打嘉华', NOW, me);
  return { jiahua, beifang, acme };
}

const DUE = ['lastCallAt', 'lastVisitAt', 'appointmentAt', 'nextCallDue', 'nextVisitDue', 'nextDue', 'followUps'];
const pick = (r: BackupRow, fields: string[]) => Object.fromEntries(fields.map((f) => [f, r[f]]));

/** Every row of the files on a store, by table. */
async function rows(store: Store) {
  const tables = [
    'customers',
    'customerKeys',
    'people',
    'interactions',
    'commitments',
    'tierChanges',
    'materials',
    'focusNotes',
  ] as const;
  const out = {} as Record<(typeof tables)[number], BackupRow[]>;
  for (const t of tables) out[t] = await store.backups.rows(t);
  return out;
}

const total = (r: PushReport) => Object.values(r.copied).reduce((a, b) => a + b, 0);

describe.skipIf(!pgServer)('pushing a local file to the team server', () => {
  let local: Awaited<ReturnType<typeof laptop>>;
  let team: Awaited<ReturnType<typeof teamServer>>;
  let files: Awaited<ReturnType<typeof fill>>;
  let first: PushReport;

  beforeAll(async () => {
    local = await laptop();
    team = await teamServer();
    files = await fill(local.store, local.me);
    first = await pushToTeam(local.store, team.store, { name: 'li' }, NOW);
  });

  it('keeps where each pushed phone came from and when it was confirmed (seed 002)', async () => {
    const pushed = (await team.store.backups.rows('customers')).find(
      (c) => c.owner === 'li' && c.name === '嘉华贸易有限公司',
    ) as BackupRow;
    const records = await team.store.contactPoints.of(Number(pushed.id));
    // Typed in on the laptop at T0: not made new by the push.
    expect(records.map((r) => [r.kind, r.valueKey, r.source, r.seenAt])).toEqual([
      ['phone', '13800000001', 'hand', T0.toISOString()],
    ]);
    // Last confirmed by the visit to 王建国 on day 2, which came with the file.
    const list = await contactPointList(team.store, Number(pushed.id), SETTINGS, day(30));
    expect(list.contactPoints.find((p) => p.value === '13800000001')).toMatchObject({
      source: 'hand',
      confirmedAt: day(2).toISOString(),
      confirmedBy: 'visit',
    });
  });

  it('copies every file under new ids as li’s, people and contacts pointing at their new rows', async () => {
    const mine = await rows(local.store);
    const theirs = await rows(team.store);
    expect(first.copied).toMatchObject({ customers: 3, people: 3, interactions: 3, commitments: 1, materials: 1 });
    expect(first.copied.focusNotes).toBe(1);
    expect(first.copied.tierChanges).toBe(3);

    const pushed = theirs.customers.filter((c) => c.owner === 'li');
    expect(pushed.map((c) => c.name).sort()).toEqual(['Acme Trading', '北方置业', '嘉华贸易有限公司']);
    // wang's file took id 1, so not one pushed file kept its local id.
    const byName = (list: BackupRow[], name: string) => list.find((c) => c.name === name) as BackupRow;
    for (const c of mine.customers) expect(byName(pushed, String(c.name)).id).not.toBe(c.id);
    const teamJiahua = byName(pushed, '嘉华贸易有限公司');
    // The private notes stay where they were: the file's notes, the person's preferences.
    expect(teamJiahua.notes).toBe('老板只在周二见客');
    const teamPeople = theirs.people.filter((p) => p.customerId === teamJiahua.id);
    expect(teamPeople.map((p) => p.name).sort()).toEqual(['张三', '王建国']);
    const teamWang = byName(teamPeople, '王建国');
    expect(teamWang).toMatchObject({ preferences: '喜欢钓鱼，不喝酒', keyPerson: true, mobile: '13800000001' });

    const contacts = theirs.interactions.filter((i) => i.customerId === teamJiahua.id);
    expect(contacts.map((i) => [i.kind, i.personId])).toEqual([
      ['call', teamWang.id],
      ['visit', teamWang.id],
    ]);
    expect(contacts[1]).toMatchObject({
      visit: { needs: '仓储扩容', entryPoint: '先做华东仓' },
      appointment: day(12).toISOString(),
    });
    const teamBeifang = byName(pushed, '北方置业');
    const beifangCall = theirs.interactions.find((i) => i.customerId === teamBeifang.id) as BackupRow;
    expect(beifangCall.personId).toBe(byName(theirs.people, '李明').id);
    expect(theirs.commitments.map((c) => [c.customerId, c.text])).toEqual([[teamJiahua.id, '周五前发报价']]);
    expect(theirs.materials.map((m) => [m.customerId, m.number, m.title])).toEqual([[teamJiahua.id, 1, '公司简介']]);
    expect(theirs.focusNotes.map((n) => [n.userId, n.period, n.text])).toEqual([
      [team.users.li.id, '2026-09-11', '先打嘉华'],
    ]);
    // li sees the pushed files as hers.
    const list = await team.store.customers.list(
      { sort: 'initials', limit: 10, offset: 0 },
      NOW.toISOString(),
      team.users.li,
    );
    expect(list.customers.map((c) => c.name).sort()).toEqual(['Acme Trading', '北方置业', '嘉华贸易有限公司']);
  });

  it('leaves out the key wang’s file holds, copies the file without it and says so', async () => {
    const theirs = await rows(team.store);
    const teamBeifang = theirs.customers.find((c) => c.name === '北方置业') as BackupRow;
    expect(theirs.customerKeys.filter((k) => k.customerId === teamBeifang.id).map((k) => k.value)).toEqual(['bfzy.cn']);
    // li is a member: wang's file is not hers to know of.
    expect(first.conflicts).toEqual([
      { customer: '北方置业', key: { kind: 'domain', value: 'beifang.com' }, heldBy: null },
    ]);
    expect(describePush(first)).toContain('Key left out: 北方置业 — domain beifang.com is held by another file.');
    expect(first.copied.customerKeys).toBe(3);
  });

  it('works out the due fields on the team server as the local file has them', async () => {
    const mine = await rows(local.store);
    const theirs = await rows(team.store);
    for (const c of mine.customers) {
      const pushed = theirs.customers.find((t) => t.name === c.name && t.owner === 'li') as BackupRow;
      expect(pick(pushed, DUE)).toEqual(pick(c, DUE));
    }
    const jiahua = theirs.customers.find((t) => t.name === '嘉华贸易有限公司') as BackupRow;
    expect(jiahua.appointmentAt).toBe(day(12).toISOString());
    // Found by search on the team server too (its search rows written with it).
    expect((await team.store.search.find('嘉华', 10, team.users.li)).map((h) => h.name)).toEqual(['嘉华贸易有限公司']);
    expect((await team.store.search.find('jiahua.cn', 10, team.users.li)).map((h) => h.name)).toEqual([
      '嘉华贸易有限公司',
    ]);
  });

  it('copies nothing the second time', async () => {
    const before = await rows(team.store);
    const again = await pushToTeam(local.store, team.store, { name: 'li' }, NOW);
    expect(total(again)).toBe(0);
    expect(again.alreadyThere).toBe(3);
    expect(again.conflicts).toEqual(first.conflicts);
    expect(describePush(again)[0]).toMatch(/^Nothing new to push/);
    expect(await rows(team.store)).toEqual(before);
  });

  it('after one new local contact, copies exactly that one, with its person, and moves the due fields', async () => {
    const zhang = (await local.store.customers.detail(files.jiahua.id, local.me)).people.find((p) => p.name === '张三');
    await log(
      local.store,
      local.me,
      { customerId: files.jiahua.id, kind: 'call', at: day(11).toISOString(), personId: zhang?.id },
      'call-jiahua-2',
      day(11),
    );
    const before = await rows(team.store);
    const report = await pushToTeam(local.store, team.store, { name: 'li' }, day(11));
    expect(total(report)).toBe(1);
    expect(report.copied.interactions).toBe(1);
    const after = await rows(team.store);
    const added = after.interactions.filter((i) => !before.interactions.some((b) => b.id === i.id));
    const teamJiahua = after.customers.find((c) => c.name === '嘉华贸易有限公司') as BackupRow;
    const teamZhang = after.people.find((p) => p.name === '张三') as BackupRow;
    expect(added).toMatchObject([{ customerId: teamJiahua.id, kind: 'call', personId: teamZhang.id }]);
    const mine = (await rows(local.store)).customers.find((c) => c.id === files.jiahua.id) as BackupRow;
    expect(pick(teamJiahua, DUE)).toEqual(pick(mine, DUE));
    expect(teamJiahua.lastCallAt).toBe(day(11).toISOString());
  });

  it('carries a "still right" clicked on the laptop since the last push to the team’s record, once', async () => {
    await confirmContactPoint(
      local.store,
      files.jiahua.id,
      { kind: 'phone', value: '138 0000 0001' },
      day(12),
      SETTINGS,
      local.me,
    );
    const report = await pushToTeam(local.store, team.store, { name: 'li' }, day(12));
    expect(total(report)).toBe(0);
    const teamJiahua = (await rows(team.store)).customers.find((c) => c.name === '嘉华贸易有限公司') as BackupRow;
    const records = await team.store.contactPoints.of(Number(teamJiahua.id));
    expect(records.map((r) => [r.valueKey, r.source, r.confirmedAt, r.confirmedBy])).toEqual([
      ['13800000001', 'hand', day(12).toISOString(), 'click'],
    ]);
    const before = await rows(team.store);
    await pushToTeam(local.store, team.store, { name: 'li' }, day(13));
    expect(await rows(team.store)).toEqual(before);
    expect(await team.store.contactPoints.of(Number(teamJiahua.id))).toEqual(records);
  });

  it('refuses a user the team server does not have, and writes nothing', async () => {
    const before = await rows(team.store);
    const settings = await team.store.backups.settings();
    const other = await laptop();
    await fill(other.store, other.me);
    const refused = pushToTeam(other.store, team.store, { name: 'nobody' }, NOW);
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toThrow(/no user "nobody" on the team server/);
    expect(await rows(team.store)).toEqual(before);
    expect(await team.store.backups.settings()).toEqual(settings);
  });

  it('writes nothing when anything fails on the way, the last due refresh included', async () => {
    const before = await rows(team.store);
    const settings = await team.store.backups.settings();
    const other = await laptop();
    await fill(other.store, other.me);
    // The team store as it is, but the due refresh at the end of the push fails.
    const failing: Store = {
      ...team.store,
      transaction: (work) =>
        team.store.transaction((tx) =>
          work({
            ...tx,
            due: {
              ...tx.due,
              refresh: async () => {
                throw new Error('the database went away');
              },
            },
          }),
        ),
    };
    await expect(pushToTeam(other.store, failing, { name: 'wang' }, NOW)).rejects.toThrow('the database went away');
    expect(await rows(team.store)).toEqual(before);
    expect(await team.store.backups.settings()).toEqual(settings);
  });

  it('names the holder of a key to a manager, who may see every file', async () => {
    const other = await laptop();
    await createCustomer(
      other.store,
      CustomerCreate.parse({ name: '北方置业（总部）', tier: 'B', keys: [{ kind: 'domain', value: 'beifang.com' }] }),
      T0,
      SETTINGS,
      other.me,
    );
    const report = await pushToTeam(other.store, team.store, { name: 'boss' }, NOW);
    expect(report.copied.customers).toBe(1);
    expect(report.conflicts).toEqual([
      {
        customer: '北方置业（总部）',
        key: { kind: 'domain', value: 'beifang.com' },
        heldBy: { customerId: expect.any(Number), customer: '北方置业集团', owner: 'wang' },
      },
    ]);
    expect(describePush(report)).toContain(
      "Key left out: 北方置业（总部） — domain beifang.com is held by 北方置业集团 (wang's file).",
    );
  });
});

describe('pushing into another SQLite file (the store seam alike on both engines)', () => {
  it('copies the files once, remaps people and leaves out a key held there', async () => {
    const local = await laptop();
    await fill(local.store, local.me);
    const target = await laptop();
    await addUser(target.store, 'li', 'member', T0);
    await createCustomer(
      target.store,
      CustomerCreate.parse({ name: '北方置业集团', tier: 'A', keys: [{ kind: 'domain', value: 'beifang.com' }] }),
      T0,
      SETTINGS,
      target.me,
    );
    const report = await pushToTeam(local.store, target.store, { name: 'li' }, NOW);
    expect(report.copied).toMatchObject({ customers: 3, people: 3, interactions: 3, customerKeys: 3 });
    expect(report.conflicts.map((c) => c.heldBy)).toEqual([null]);
    const theirs = await rows(target.store);
    const wang = theirs.people.find((p) => p.name === '王建国') as BackupRow;
    const jiahua = theirs.customers.find((c) => c.name === '嘉华贸易有限公司') as BackupRow;
    expect(wang.customerId).toBe(jiahua.id);
    expect(theirs.interactions.filter((i) => i.customerId === jiahua.id).map((i) => i.personId)).toEqual([
      wang.id,
      wang.id,
    ]);
    expect(total(await pushToTeam(local.store, target.store, { name: 'li' }, NOW))).toBe(0);
  });
});
