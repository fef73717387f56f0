import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client.ts';
import { pgDb, pgPool } from '../../db/pg/client.ts';
import { createTestDatabase, pgServer } from '../../db/pg/test-db.ts';
import type { Viewer } from '../../services/visibility.ts';
import type { BackupRow, BackupStore, BackupTable } from '../backups.ts';
import { sqliteBackups } from '../sqlite/backups.ts';
import { sqliteBoard } from '../sqlite/board.ts';
import { sqliteCalendar } from '../sqlite/calendar.ts';
import { sqliteCaptures } from '../sqlite/captures.ts';
import { sqliteContactSheet } from '../sqlite/contact-sheet.ts';
import { sqliteExports } from '../sqlite/exports.ts';
import { sqliteGreetings } from '../sqlite/greetings.ts';
import { sqliteMerges } from '../sqlite/merges.ts';
import { sqlitePipeline } from '../sqlite/pipeline.ts';
import { sqliteReclassification } from '../sqlite/reclassification.ts';
import { pgBackups } from './backups.ts';
import { pgBoard } from './board.ts';
import { pgCalendar } from './calendar.ts';
import { pgCaptures } from './captures.ts';
import { pgContactSheet } from './contact-sheet.ts';
import type { PgExecutor } from './executor.ts';
import { pgExports } from './exports.ts';
import { pgGreetings } from './greetings.ts';
import { pgMerges } from './merges.ts';
import { pgPipeline } from './pipeline.ts';
import { pgReclassification } from './reclassification.ts';

/**
 * The same rows in a SQLite file and a PostgreSQL database, each written through its own
 * store's restore (backups.insertRows), then every read of the areas asked of both: the answers
 * must be equal. Reads whose SQLite query says no order are compared as sets (sorted by id).
 */

const BOSS: Viewer = { id: 1, name: 'boss', role: 'manager' };
const WANG: Viewer = { id: 2, name: 'wang', role: 'member' };
const LI: Viewer = { id: 3, name: 'li', role: 'member' };
const VIEWERS = [BOSS, WANG, LI];

const T0 = '2026-09-01T00:00:00.000Z';

const customer = (id: number, over: Record<string, unknown>): BackupRow => ({
  id,
  name: `客户${id}`,
  normalizedName: `客户${id}`,
  initials: `KH${id}`,
  pinyin: `kehu${id}`,
  tier: 'B',
  status: 'active',
  lostReason: null,
  lostReasonCode: null,
  lostAt: null,
  nextStep: null,
  stage: null,
  region: ['华东', '江苏'],
  companyType: null,
  sizeClass: null,
  industry: null,
  businessScope: null,
  products: null,
  trends: null,
  address: null,
  phones: [],
  fax: [],
  emails: [],
  website: null,
  notes: null,
  owner: 'wang',
  idempotencyKey: null,
  createdAt: T0,
  updatedAt: T0,
  deletedAt: null,
  lastCallAt: null,
  lastVisitAt: null,
  appointmentAt: null,
  nextCallDue: '2026-12-20T01:00:00.000Z',
  nextVisitDue: '2027-01-20T01:00:00.000Z',
  nextDue: '2026-12-20T01:00:00.000Z',
  followUps: 0,
  ...over,
});

const person = (id: number, customerId: number, name: string, over: Record<string, unknown> = {}): BackupRow => ({
  id,
  customerId,
  name,
  title: null,
  mobile: null,
  directLine: null,
  email: null,
  birthday: null,
  homeAddress: null,
  preferences: null,
  greetingHook: null,
  birthdayLunar: false,
  keyPerson: false,
  createdAt: T0,
  updatedAt: T0,
  deletedAt: null,
  ...over,
});

const contact = (id: number, customerId: number, kind: string, at: string, over: Record<string, unknown> = {}) => ({
  id,
  customerId,
  kind,
  at,
  personId: null,
  summary: `${kind} ${id}`,
  outcome: null,
  intention: null,
  appointment: null,
  meetsAppointment: false,
  appointmentCancelledAt: null,
  sourceUrl: null,
  visit: null,
  idempotencyKey: `i-${id}`,
  createdAt: at,
  deletedAt: null,
  ...over,
});

const FIXTURE: Partial<Record<BackupTable, BackupRow[]>> = {
  customers: [
    customer(1, {
      name: '嘉华贸易',
      normalizedName: '嘉华贸易',
      initials: 'JHMY',
      tier: 'A',
      stage: 'quote',
      followUps: 2,
      phones: ['0512-1234567'],
      fax: ['0512-1234568'],
      nextCallDue: '2026-12-01T01:00:00.000Z',
      nextDue: '2026-12-01T01:00:00.000Z',
      createdAt: '2026-10-01T00:00:00.000Z',
    }),
    customer(2, {
      name: 'Acme',
      normalizedName: 'acme',
      initials: 'acme',
      stage: 'negotiation',
      phones: ['  ', '021-5550000'],
      appointmentAt: '2026-12-02T03:00:00.000Z',
      nextDue: '2026-12-02T03:00:00.000Z',
    }),
    customer(3, {
      name: '北方置业',
      initials: 'BFZY',
      tier: 'C',
      owner: 'li',
      status: 'lost',
      lostAt: '2026-11-15T08:00:00.000Z',
      lostReasonCode: 'price',
      lostReason: 'too dear',
    }),
    customer(4, { name: 'acme west', initials: 'AW', tier: 'A', owner: 'li', stage: 'quote' }),
    customer(5, {
      name: '阿波罗',
      initials: 'abl',
      tier: 'A',
      owner: 'boss',
      phones: ['400-800-1234'],
      nextCallDue: '2026-11-30T01:00:00.000Z',
      nextDue: '2026-11-30T01:00:00.000Z',
    }),
    customer(6, { name: '已删', deletedAt: '2026-11-01T00:00:00.000Z', nextDue: '2026-11-01T00:00:00.000Z' }),
    customer(7, { name: '无日期', status: 'lost', lostAt: null, owner: 'li' }),
    customer(8, { name: '月底', status: 'lost', lostAt: '2026-11-30T20:00:00.000Z', tier: 'A' }),
    customer(9, { name: 'Zeta', initials: 'ZT', createdAt: '2026-12-15T00:00:00.000Z' }),
  ],
  customerKeys: [
    { id: 1, customerId: 1, kind: 'domain', value: 'jiahua.cn', createdAt: T0 },
    { id: 2, customerId: 1, kind: 'credit_code', value: '91320500MA1X', createdAt: T0 },
    { id: 3, customerId: 2, kind: 'domain', value: 'acme.com', createdAt: T0 },
  ],
  people: [
    person(1, 1, '王建国', { keyPerson: true, mobile: '13800000001', birthday: '1980-12-05' }),
    person(2, 1, '李四', { directLine: ' 0512-7654321 ' }),
    person(3, 2, 'John', { mobile: '', birthday: '1975-03-02', birthdayLunar: true, greetingHook: 'golf' }),
    person(4, 4, 'Key Person', { keyPerson: true }),
    person(5, 1, '删了', { birthday: '1990-01-01', deletedAt: T0 }),
    person(6, 3, '输了', { birthday: '1990-02-02' }),
    person(7, 2, 'Jane', { directLine: '021-5551111', keyPerson: true }),
  ],
  interactions: [
    contact(1, 1, 'call', '2026-11-10T02:00:00.000Z', { personId: 1, intention: 'high' }),
    contact(2, 1, 'visit', '2026-11-20T02:00:00.000Z'),
    contact(3, 1, 'note', '2026-11-21T02:00:00.000Z'),
    contact(4, 2, 'greeting', '2026-12-01T01:00:00.000Z', { personId: 3 }),
    contact(5, 2, 'call', '2026-10-20T02:00:00.000Z'),
    contact(6, 4, 'meeting', '2026-11-05T02:00:00.000Z', { intention: 'low' }),
    contact(7, 1, 'call', '2026-11-12T02:00:00.000Z', { deletedAt: '2026-11-13T00:00:00.000Z' }),
    contact(8, 3, 'call', '2026-11-03T02:00:00.000Z'),
    contact(9, 2, 'email', '2026-11-10T02:00:00.000Z'),
    contact(10, 1, 'greeting', '2026-10-01T01:00:00.000Z', { personId: 1 }),
  ],
  commitments: [
    {
      id: 1,
      customerId: 1,
      text: 'send the quote',
      dueAt: '2026-12-02T00:00:00.000Z',
      keptAt: null,
      idempotencyKey: null,
      createdAt: T0,
    },
    {
      id: 2,
      customerId: 2,
      text: 'call back',
      dueAt: '2026-11-28T00:00:00.000Z',
      keptAt: null,
      idempotencyKey: null,
      createdAt: T0,
    },
    {
      id: 3,
      customerId: 4,
      text: 'samples',
      dueAt: '2026-12-10T00:00:00.000Z',
      keptAt: T0,
      idempotencyKey: null,
      createdAt: T0,
    },
    {
      id: 4,
      customerId: 3,
      text: 'lost one',
      dueAt: '2026-12-01T00:00:00.000Z',
      keptAt: null,
      idempotencyKey: null,
      createdAt: T0,
    },
    {
      id: 5,
      customerId: 4,
      text: 'visit plan',
      dueAt: '2026-12-03T00:00:00.000Z',
      keptAt: null,
      idempotencyKey: null,
      createdAt: T0,
    },
  ],
  tierChanges: [
    { id: 1, customerId: 1, fromTier: null, toTier: 'B', reason: 'created', at: '2026-10-01T00:00:00.000Z' },
    { id: 2, customerId: 1, fromTier: 'B', toTier: 'A', reason: 'review', at: '2026-12-02T00:00:00.000Z' },
    { id: 3, customerId: 4, fromTier: null, toTier: 'A', reason: 'created', at: T0 },
  ],
  parcels: [
    {
      id: 1,
      customerId: null,
      parcelNo: 'P-1',
      location: 'L1',
      areaM2: 1200.5,
      use: 'industrial',
      method: null,
      startPrice: 1e7,
      dealPrice: null,
      currency: 'CNY',
      dealDate: null,
      winner: null,
      status: 'listed',
      sourceUrl: 'https://land/1',
      owner: 'wang',
      createdAt: T0,
      updatedAt: T0,
    },
    {
      id: 2,
      customerId: 1,
      parcelNo: 'P-2',
      location: 'L2',
      areaM2: null,
      use: null,
      method: null,
      startPrice: null,
      dealPrice: 2.5e7,
      currency: 'CNY',
      dealDate: '2026-10-01',
      winner: '嘉华贸易',
      status: 'dealt',
      sourceUrl: null,
      owner: null,
      createdAt: T0,
      updatedAt: T0,
    },
    {
      id: 3,
      customerId: 3,
      parcelNo: 'P-3',
      location: 'L1',
      areaM2: null,
      use: null,
      method: null,
      startPrice: null,
      dealPrice: null,
      currency: null,
      dealDate: null,
      winner: null,
      status: 'listed',
      sourceUrl: null,
      owner: 'li',
      createdAt: T0,
      updatedAt: T0,
    },
  ],
  captures: [
    {
      id: 1,
      customerId: null,
      url: 'https://x/1',
      adapter: 'land',
      kind: 'parcel',
      payload: { kind: 'parcel', n: 1 },
      capturedAt: T0,
      idempotencyKey: 'c1',
      result: { ok: true },
      userId: 2,
    },
    {
      id: 2,
      customerId: 3,
      url: 'https://x/1',
      adapter: 'land',
      kind: 'parcel',
      payload: { kind: 'parcel', n: 2 },
      capturedAt: T0,
      idempotencyKey: 'c2',
      result: null,
      userId: 3,
    },
    {
      id: 3,
      customerId: 1,
      url: 'https://x/2',
      adapter: 'site',
      kind: 'company',
      payload: { kind: 'company', name: '嘉华' },
      capturedAt: T0,
      idempotencyKey: 'c3',
      result: null,
      userId: 2,
    },
  ],
  reclassDecisions: [
    {
      id: 1,
      customerId: 2,
      month: '2026-11',
      fromTier: 'B',
      toTier: 'A',
      accepted: true,
      reasons: [{ code: 'calls' }],
      decidedBy: 'boss',
      at: T0,
    },
  ],
  sheetRemarks: [
    { customerId: 1, month: '2026-11', text: '好客户', updatedAt: T0 },
    { customerId: 2, month: '2026-10', text: 'old', updatedAt: T0 },
  ],
  materials: [
    {
      id: 1,
      customerId: 1,
      number: 1,
      title: 'brochure',
      url: 'https://jiahua.cn/b.pdf',
      fileName: null,
      mimeType: null,
      content: null,
      createdAt: T0,
    },
    {
      id: 2,
      customerId: 1,
      number: 2,
      title: 'photo',
      url: null,
      fileName: 'a.bin',
      mimeType: 'application/octet-stream',
      content: Buffer.from([0, 1, 2, 255]),
      createdAt: T0,
    },
    {
      id: 3,
      customerId: 2,
      number: 1,
      title: 'price list',
      url: null,
      fileName: null,
      mimeType: null,
      content: null,
      createdAt: T0,
    },
    {
      id: 4,
      customerId: 2,
      number: 2,
      title: 'contract',
      url: null,
      fileName: null,
      mimeType: null,
      content: null,
      createdAt: T0,
    },
  ],
  customerShares: [
    { customerId: 4, userId: 2, createdAt: T0 },
    { customerId: 2, userId: 3, createdAt: T0 },
  ],
  focusNotes: [{ id: 1, userId: 2, period: '2026-W48', text: 'focus', updatedAt: T0 }],
  auditLog: [{ id: 1, at: T0, userId: 1, userName: 'boss', method: 'POST', path: '/api/x', status: 200, detail: null }],
};

const ORDER: BackupTable[] = [
  'customers',
  'customerKeys',
  'people',
  'interactions',
  'commitments',
  'tierChanges',
  'parcels',
  'captures',
  'reclassDecisions',
  'sheetRemarks',
  'materials',
  'customerShares',
  'focusNotes',
  'auditLog',
];

/** Users and every fixture table, through the store's own restore path. */
async function load(backups: BackupStore): Promise<void> {
  await backups.addUser({ id: 1, name: 'boss', role: 'manager', createdAt: T0, revokedAt: null });
  await backups.addUser({ id: 2, name: 'wang', role: 'member', createdAt: T0, revokedAt: null });
  await backups.addUser({ id: 3, name: 'li', role: 'member', createdAt: T0, revokedAt: '2026-11-01T00:00:00.000Z' });
  await backups.putSetting('timeZone', 'Asia/Shanghai');
  for (const t of ORDER) await backups.insertRows(t, structuredClone(FIXTURE[t] ?? []));
}

/**
 * A table's rows in a stated order: SQLite gives those of a table without an id column in rowid
 * (insertion) order, which PostgreSQL has no notion of; a backup's meaning does not depend on it.
 */
const rowsOf = async (b: BackupStore, t: BackupTable, cut?: Parameters<BackupStore['rows']>[1]) => {
  const rows = await b.rows(t, cut);
  if (t !== 'sheetRemarks' && t !== 'customerShares') return rows;
  const key = (r: BackupRow) => `${r.customerId}\u0000${r.month ?? r.userId}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : 1));
};

const byId = <T>(rows: T[], key: (r: T) => number = (r) => (r as { id: number }).id) =>
  [...rows].sort((a, b) => key(a) - key(b));

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

let pg: PgExecutor;
const sq = openDb(join(mkdtempSync(join(tmpdir(), 'dossier-pg-parity-')), 'db.sqlite'));

const both = <T>(make: (pg: PgExecutor) => T, makeSq: (db: typeof sq) => T) => ({ p: make(pg), s: makeSq(sq) });

describe.skipIf(!pgServer)('PostgreSQL reads answer as SQLite does for the same rows', () => {
  beforeAll(async () => {
    const t = await createTestDatabase();
    cleanup.push(t.drop);
    const pool = pgPool(t.url, { max: 4 });
    cleanup.push(() => pool.end());
    pg = pgDb(pool);
    await load(pgBackups(pg));
    await load(sqliteBackups(sq));
  });

  it('the rows restored read back the same, table by table (the backup of each engine)', async () => {
    const { p, s } = both(pgBackups, sqliteBackups);
    for (const t of ORDER) expect(await rowsOf(p, t), t).toEqual(await rowsOf(s, t));
    // SQLite reads a cut through the table's customer index, in that order: compared by id.
    expect(byId(await p.rows('people', { field: 'customerId', in: [1, 2] }), (r) => r.id as number)).toEqual(
      byId(await s.rows('people', { field: 'customerId', in: [1, 2] }), (r) => r.id as number),
    );
    expect(await p.rows('focusNotes', { field: 'userId', is: 2 })).toEqual(
      await s.rows('focusNotes', { field: 'userId', is: 2 }),
    );
    expect(await p.users()).toEqual(await s.users());
    expect(await p.users(2)).toEqual(await s.users(2));
    expect(await p.settings()).toEqual(await s.settings());
    for (const v of VIEWERS)
      expect(byId((await p.visibleIds(v)).map((id) => ({ id })))).toEqual(
        byId((await s.visibleIds(v)).map((id) => ({ id }))),
      );
    expect(await p.hasCustomers()).toBe(true);
    expect(await p.userByName('li')).toBe(3);
    expect(await p.userExists(3)).toBe(true);
    expect(await p.userExists(4)).toBe(false);
  });

  it('board', async () => {
    const { p, s } = both(pgBoard, sqliteBoard);
    for (const v of VIEWERS) {
      expect(byId(await p.dueFiles(v, '2026-12-04T00:00:00.000Z'))).toEqual(
        byId(await s.dueFiles(v, '2026-12-04T00:00:00.000Z')),
      );
      expect(byId(await p.dueFiles(v, '2027-01-01T00:00:00.000Z', 'wang'))).toEqual(
        byId(await s.dueFiles(v, '2027-01-01T00:00:00.000Z', 'wang')),
      );
      expect(byId(await p.openCommitments(v, '2026-12-31T00:00:00.000Z'))).toEqual(
        byId(await s.openCommitments(v, '2026-12-31T00:00:00.000Z')),
      );
      expect(byId(await p.openCommitments(v, '2026-12-31T00:00:00.000Z', 'li'))).toEqual(
        byId(await s.openCommitments(v, '2026-12-31T00:00:00.000Z', 'li')),
      );
    }
    const ranges = (['call', 'visit', 'appointment'] as const).flatMap((reason) => [
      { reason, from: '2026-11-01T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z' },
      { reason, from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' },
    ]);
    const due = await p.dueIn(ranges, 2);
    expect(due).toEqual(await s.dueIn(ranges, 2));
    expect(due[0]?.count).toBe(5);
    expect(typeof due[0]?.count).toBe('number');
    const contacts = await p.contacts([1, 2, 4, 5, 9]);
    expect(byId(contacts, (c) => c.customerId)).toEqual(byId(await s.contacts([1, 2, 4, 5, 9]), (c) => c.customerId));
    // Key person first; a file with only blank people falls back to its first non-blank phone.
    expect(byId(contacts, (c) => c.customerId).map((c) => c.phone)).toEqual([
      '13800000001',
      '021-5551111',
      '400-800-1234',
    ]);
    expect(await p.contacts([])).toEqual([]);
  });

  it('greetings', async () => {
    const { p, s } = both(pgGreetings, sqliteGreetings);
    for (const v of VIEWERS) {
      const got = byId(await p.greetable(v));
      expect(got).toEqual(byId(await s.greetable(v)));
      for (const g of got) expect(typeof g.keyPerson).toBe('boolean');
    }
    expect([...(await p.greetedSince('2026-11-01T00:00:00.000Z'))].sort()).toEqual(
      [...(await s.greetedSince('2026-11-01T00:00:00.000Z'))].sort(),
    );
    expect(await p.greetedSince('2026-01-01T00:00:00.000Z')).toEqual([1, 3]);
  });

  it('reclassification, and a decision recorded on each', async () => {
    const { p, s } = both(pgReclassification, sqliteReclassification);
    const args = ['2026-11', '2026-11-01T00:00:00.000Z', '2026-11-25T00:00:00.000Z'] as const;
    for (const v of VIEWERS) {
      const got = byId(await p.reviewed(...args, v));
      expect(got).toEqual(byId(await s.reviewed(...args, v)));
      for (const r of got) expect(typeof r.calls).toBe('number');
      const tiers = (x: { tier: string }[]) => [...x].sort((a, b) => (a.tier < b.tier ? -1 : 1));
      expect(tiers(await p.tierCounts(v))).toEqual(tiers(await s.tierCounts(v)));
    }
    const decision = {
      customerId: 1,
      month: '2026-11',
      fromTier: 'B' as const,
      toTier: 'A' as const,
      accepted: false,
      reasons: [{ code: 'x' }],
      decidedBy: 'boss',
      at: T0,
    };
    await p.recordDecision(decision);
    await s.recordDecision(decision);
    expect(byId(await p.reviewed(...args, BOSS))).toEqual(byId(await s.reviewed(...args, BOSS)));
    await expect(p.recordDecision(decision)).rejects.toThrow();
    await expect(s.recordDecision(decision)).rejects.toThrow();
  });

  it('calendar', async () => {
    const { p, s } = both(pgCalendar, sqliteCalendar);
    for (const v of VIEWERS) {
      expect(await p.dueFiles(v, '2027-01-01T00:00:00.000Z')).toEqual(await s.dueFiles(v, '2027-01-01T00:00:00.000Z'));
      expect(await p.openPromises(v, '2026-11-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z')).toEqual(
        await s.openPromises(v, '2026-11-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z'),
      );
      expect(await p.birthdays(v)).toEqual(await s.birthdays(v));
    }
    for (const c of [p, s]) {
      await c.setFeed(2, 'hash-a', T0);
      await c.setFeed(2, 'hash-b', T0);
      await c.setFeed(3, 'hash-c', T0);
      await c.setFeed(1, 'hash-d', T0);
    }
    expect(byId(await p.feeds(), (f) => f.viewer.id)).toEqual(byId(await s.feeds(), (f) => f.viewer.id));
    expect((await p.feeds()).map((f) => f.tokenHash).sort()).toEqual(['hash-b', 'hash-d']);
    expect(await p.dropFeed(2)).toBe(true);
    expect(await p.dropFeed(2)).toBe(false);
  });

  it('contact sheet, in its order (tier, initials by code point, id), and a remark saved twice', async () => {
    const { p, s } = both(pgContactSheet, sqliteContactSheet);
    const month = ['2026-11', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'] as const;
    for (const v of VIEWERS) {
      expect(await p.files(...month, v)).toEqual(await s.files(...month, v));
      expect(await p.files(...month, v, 'li')).toEqual(await s.files(...month, v, 'li'));
      expect(await p.contacts(month[1], month[2], v)).toEqual(await s.contacts(month[1], month[2], v));
    }
    // 'AW' before 'KH8' before 'abl': upper case first, as SQLite's BINARY has it.
    expect((await p.files(...month, BOSS)).filter((f) => f.tier === 'A').map((f) => f.id)).toEqual([4, 8, 5]);
    for (const c of [p, s]) {
      await c.saveRemark(2, '2026-11', 'first', T0);
      await c.saveRemark(2, '2026-11', 'second', '2026-11-02T00:00:00.000Z');
    }
    expect(await p.files(...month, BOSS)).toEqual(await s.files(...month, BOSS));
    expect((await p.files(...month, BOSS)).find((f) => f.id === 2)?.remarks).toBe('second');
  });

  it('pipeline and lost files', async () => {
    const { p, s } = both(pgPipeline, sqlitePipeline);
    for (const v of VIEWERS) {
      expect(await p.cases(v)).toEqual(await s.cases(v));
      expect(await p.lost(v)).toEqual(await s.lost(v));
      expect(await p.lost(v, '2026-11-01', '2026-11-30')).toEqual(await s.lost(v, '2026-11-01', '2026-11-30'));
      expect(await p.lost(v, undefined, '2026-11-15')).toEqual(await s.lost(v, undefined, '2026-11-15'));
    }
    expect((await p.lost(BOSS)).map((l) => l.id)).toEqual([8, 3, 7]);
    expect((await p.lost(BOSS, '2026-11-01', '2026-11-30')).map((l) => l.id)).toEqual([8, 3]);
  });

  it('exports', async () => {
    const { p, s } = both(pgExports, sqliteExports);
    for (const v of VIEWERS) expect(await p.visibleData(v)).toEqual(await s.visibleData(v));
  });

  it("captures' reads", async () => {
    const { p, s } = both(pgCaptures, sqliteCaptures);
    for (const v of VIEWERS) {
      for (const url of ['https://x/1', 'https://x/2', 'https://x/none'])
        expect(await p.latest(url, v), `${url} ${v.name}`).toEqual(await s.latest(url, v));
      expect(await p.fileNamed('acme', v)).toEqual(await s.fileNamed('acme', v));
      for (const [no, loc] of [
        ['P-1', null],
        ['P-3', 'L1'],
        [null, 'L1'],
        ['nope', 'L2'],
      ] as const)
        expect(await p.findParcel(no, loc, v)).toEqual(await s.findParcel(no, loc, v));
    }
    for (const id of [1, 2, 99]) {
      expect(await p.numbersOf(id)).toEqual(await s.numbersOf(id));
      expect(await p.keyCount(id)).toEqual(await s.keyCount(id));
      expect(await p.peopleOf(id)).toEqual(await s.peopleOf(id));
    }
    expect(await p.byKey('c3')).toEqual(await s.byKey('c3'));
  });

  it('captures write the same rows, and a win noted twice is one note', async () => {
    const { p, s } = both(pgCaptures, sqliteCaptures);
    for (const c of [p, s]) {
      await c.updateFile(
        5,
        {
          phones: ['1'],
          fax: [],
          emails: ['a@b.c'],
          address: 'addr',
          businessScope: null,
          products: 'p',
          website: 'https://abl.cn',
        },
        '2026-12-01T00:00:00.000Z',
      );
      await c.fillPerson(4, { title: 'CEO' }, '2026-12-01T00:00:00.000Z');
      const fields = {
        customerId: 5,
        parcelNo: 'P-9',
        location: 'L9',
        areaM2: 1.5,
        use: null,
        method: null,
        startPrice: null,
        dealPrice: null,
        currency: null,
        dealDate: null,
        winner: null,
        status: 'listed' as const,
        sourceUrl: null,
        updatedAt: T0,
      };
      const parcel = await c.insertParcel(fields, 'boss', T0);
      await c.updateParcel(parcel, { ...fields, status: 'dealt' });
      const win = { customerId: 5, at: T0, summary: 'won P-9', sourceUrl: 'https://land/9', idempotencyKey: 'win-9' };
      await c.noteWin(win);
      await c.noteWin({ ...win, summary: 'again' });
      const capture = await c.insert({
        customerId: 5,
        url: 'https://x/9',
        adapter: 'land',
        kind: 'parcel',
        payload: { kind: 'parcel', n: 9 } as never,
        capturedAt: T0,
        idempotencyKey: 'c9',
        result: { ok: true } as never,
        userId: 1,
      });
      expect(capture).toBe(4);
    }
    const b = both(pgBackups, sqliteBackups);
    for (const t of ['customers', 'people', 'parcels', 'interactions', 'captures'] as const)
      expect(await b.p.rows(t), t).toEqual(await b.s.rows(t));
  });
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
