import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaptureSave, DEFAULT_SETTINGS } from '@dossier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client.ts';
import { pgDb, pgPool } from '../../db/pg/client.ts';
import { createTestDatabase, pgServer } from '../../db/pg/test-db.ts';
import { latestCapture, saveCapture } from '../../services/captures.ts';
import type { Viewer } from '../../services/visibility.ts';
import { sqliteStore } from '../sqlite/store.ts';
import type { Store } from '../store.ts';
import { BOSS, LI, ORDER, rowsOf, WANG } from './fixture.test-helpers.ts';
import { pgStore } from './store.ts';

const SETTINGS = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Shanghai' };

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const company = {
  url: 'https://www.xz-land.com.cn/contact.html',
  kind: 'company',
  adapter: 'generic',
  company: {
    name: '徐州嘉华融通置业有限公司',
    creditCode: '91350100M000100Y43',
    phones: ['+86 516 8765 4321'],
    faxes: ['+86 516 8765 4322'],
    emails: ['info@xz-land.com.cn'],
    address: '江苏省徐州市云龙区和平路88号',
    products: ['住宅开发'],
  },
  people: [{ name: '王建国', title: '董事长', mobile: '+86 139 5200 0001' }],
  message: null,
  parcels: [],
};

const land = (parcels: unknown[]) => ({
  url: 'https://www.landchina.com/result/123.html',
  kind: 'land',
  adapter: 'land-result-table',
  company: null,
  people: [],
  message: null,
  parcels,
});

/** The captures, in order, each by its viewer; `file` stands for the file the first one created. */
const STEPS: { viewer: Viewer; body: (file: number) => Record<string, unknown> }[] = [
  { viewer: WANG, body: () => ({ capture: company, target: { new: { name: company.company.name, tier: 'B' } } }) },
  {
    viewer: WANG,
    body: (file) => ({
      capture: {
        ...company,
        company: { ...company.company, phones: ['+86 516 8765 4321', '+86 400 800 1234'], businessScope: '开发' },
        people: [
          { name: '王建国', title: '董事长', email: 'wjg@xz-land.com.cn' },
          { name: '李娜', title: '销售总监', email: 'lina@xz-land.com.cn' },
        ],
      },
      target: { customerId: file },
      addDomainKey: true,
    }),
  },
  {
    viewer: WANG,
    body: () => ({
      capture: land([{ parcelNo: '徐土2026-18号', location: '云龙区和平路东侧', areaM2: 35000, startPrice: 1.2e8 }]),
      target: { land: {} },
    }),
  },
  {
    viewer: WANG,
    body: () => ({
      capture: land([
        { parcelNo: '徐土2026-18号', dealPrice: 1.56e8, dealDate: '2026-11-20', winner: '徐州恒泰置业有限公司' },
      ]),
      target: { land: { tier: 'C' } },
    }),
  },
  {
    viewer: WANG,
    body: () => ({
      capture: land([{ parcelNo: '徐土2026-19号', dealPrice: 1, winner: '徐州恒泰置业有限公司' }]),
      target: { land: { tier: 'C' } },
    }),
  },
  // Another member: WANG's watch list and files are not theirs, so the same parcel number is a new parcel.
  {
    viewer: LI,
    body: () => ({ capture: land([{ parcelNo: '徐土2026-18号', location: '云龙区' }]), target: { land: {} } }),
  },
  {
    viewer: BOSS,
    body: () => ({
      capture: land([{ parcelNo: '徐土2026-18号', dealPrice: 2, winner: '徐州恒泰置业有限公司' }]),
      target: { land: { tier: 'A' } },
    }),
  },
];

async function stores(): Promise<[Store, Store]> {
  const t = await createTestDatabase();
  const pool = pgPool(t.url, { max: 4 });
  cleanup.push(t.drop, () => pool.end());
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'dossier-pg-captures-')), 'db.sqlite'));
  cleanup.push(() => {
    db.$client.close();
  });
  const both: [Store, Store] = [sqliteStore(db), pgStore(pgDb(pool))];
  for (const store of both)
    for (const v of [BOSS, WANG, LI])
      await store.backups.addUser({ ...v, createdAt: '2026-09-01T00:00:00.000Z', revokedAt: null });
  return both;
}

describe.skipIf(!pgServer)('captures through each store', { timeout: 30_000 }, () => {
  it('the same captures leave the same files, parcels, win notes and captures on both engines; a replay is a replay', async () => {
    const [sqlite, pg] = await stores();
    let file = 0;
    for (const [i, step] of STEPS.entries()) {
      const now = new Date(Date.UTC(2026, 10, 23, 2, i));
      const input = CaptureSave.parse({ idempotencyKey: `capture-${i}`, ...step.body(file) });
      const s = await saveCapture(sqlite, input, now, SETTINGS, step.viewer);
      const p = await saveCapture(pg, input, now, SETTINGS, step.viewer);
      expect(p, `step ${i}`).toEqual(s);
      if (i === 0) file = p.saved.customerIds[0] as number;
      expect(await saveCapture(pg, input, now, SETTINGS, step.viewer)).toEqual({ saved: p.saved, replayed: true });
    }
    // An insert ON CONFLICT DO NOTHING that finds its key taken still draws the next id from the
    // identity's sequence, so PostgreSQL's key ids may have gaps SQLite's do not: keys compare without them.
    const rows = async (store: Store, t: (typeof ORDER)[number]) =>
      (await rowsOf(store.backups, t)).map(({ id, ...r }) => (t === 'customerKeys' ? r : { id, ...r }));
    for (const t of ORDER) expect(await rows(pg, t), t).toEqual(await rows(sqlite, t));
    for (const v of [BOSS, WANG, LI])
      for (const url of [company.url, land([]).url, 'https://none.example/'])
        expect(await latestCapture(pg, url, v), `${v.name} ${url}`).toEqual(await latestCapture(sqlite, url, v));
    // WANG's listed parcel was dealt by the capture of step 3, not duplicated; LI's is their own.
    const parcels = await rowsOf(pg.backups, 'parcels');
    expect(parcels.map((p) => [p.parcelNo, p.owner, p.status])).toEqual([
      ['徐土2026-18号', 'wang', 'dealt'],
      ['徐土2026-19号', 'wang', 'dealt'],
      ['徐土2026-18号', 'li', 'listed'],
    ]);
  });

  it('two captures of one result page at once: one winner file and one parcel, as SQLite, one transaction at a time, gives', async () => {
    const [, pg] = await stores();
    const page = land([
      { parcelNo: '徐土2026-20号', location: '铜山区', dealPrice: 3, winner: '徐州新城置业有限公司' },
    ]);
    const now = new Date('2026-11-24T02:00:00.000Z');
    const saves = await Promise.all(
      ['a', 'b'].map((k) =>
        saveCapture(
          pg,
          CaptureSave.parse({ idempotencyKey: `land-page-${k}`, capture: page, target: { land: {} } }),
          now,
          SETTINGS,
          WANG,
        ),
      ),
    );
    expect(saves.map((s) => s.saved.parcelIds)).toEqual([[1], [1]]);
    expect(saves.flatMap((s) => s.saved.created)).toHaveLength(1);
    expect((await rowsOf(pg.backups, 'customers')).map((c) => c.name)).toEqual(['徐州新城置业有限公司']);
    expect(await rowsOf(pg.backups, 'parcels')).toHaveLength(1);
  });
});
