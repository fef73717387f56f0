import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client.ts';
import { pgDb, pgPool } from '../../db/pg/client.ts';
import { createTestDatabase, pgServer } from '../../db/pg/test-db.ts';
import { sqliteBackups } from '../sqlite/backups.ts';
import { sqliteBoard } from '../sqlite/board.ts';
import { sqliteCalendar } from '../sqlite/calendar.ts';
import { sqliteCaptures } from '../sqlite/captures.ts';
import { sqliteContactSheet } from '../sqlite/contact-sheet.ts';
import { sqliteExports } from '../sqlite/exports.ts';
import { sqliteGreetings } from '../sqlite/greetings.ts';
import { sqlitePipeline } from '../sqlite/pipeline.ts';
import { sqliteReclassification } from '../sqlite/reclassification.ts';
import { pgBackups } from './backups.ts';
import { pgBoard } from './board.ts';
import { pgCalendar } from './calendar.ts';
import { pgCaptures } from './captures.ts';
import { pgContactSheet } from './contact-sheet.ts';
import type { PgExecutor } from './executor.ts';
import { pgExports } from './exports.ts';
import { BOSS, byId, load, ORDER, rowsOf, T0, VIEWERS } from './fixture.test-helpers.ts';
import { pgGreetings } from './greetings.ts';
import { pgPipeline } from './pipeline.ts';
import { pgReclassification } from './reclassification.ts';

/**
 * The same rows in a SQLite file and a PostgreSQL database (fixture.test-helpers.ts), then every
 * read of the areas asked of both: the answers must be equal. Reads whose SQLite query says no
 * order are compared as sets (sorted by id).
 */

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
    const ranges = [
      { from: '2026-11-01T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z' },
      { from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' },
      { from: '', to: '2026-11-01T00:00:00.000Z' },
    ];
    const due = await p.dueIn(ranges, 2, 100);
    expect(due).toEqual(await s.dueIn(ranges, 2, 100));
    expect(due[0]?.count).toBe(5);
    expect(typeof due[0]?.count).toBe('number');
    const spans = [
      { from: '', to: '2026-12-31T00:00:00.000Z' },
      { from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' },
    ];
    const promises = await p.commitmentsIn(spans, 1, 100);
    expect(promises).toEqual(await s.commitmentsIn(spans, 1, 100));
    expect(promises[0]?.count).toBe((await s.openCommitments(BOSS, '2026-12-31T00:00:00.000Z')).length);
    expect(promises[0]?.count).toBeGreaterThan(1);
    expect(promises[0]?.earliest).toHaveLength(1);
    const fewer = await p.commitmentsIn(spans, 1, 1);
    expect(fewer).toEqual(await s.commitmentsIn(spans, 1, 1));
    expect(fewer[0]?.count).toBe(2);
    // Counted up to the cap and one more: "more than 3".
    const capped = await p.dueIn(ranges, 2, 3);
    expect(capped).toEqual(await s.dueIn(ranges, 2, 3));
    expect(capped[0]?.count).toBe(4);
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

  it('two decisions on one file and month at once: the first stands, the second is answered as a proposal no longer open', async () => {
    const decision = {
      customerId: 5,
      month: '2026-10',
      fromTier: 'A' as const,
      toTier: 'B' as const,
      accepted: true,
      reasons: [],
      decidedBy: 'boss',
      at: T0,
    };
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let written!: () => void;
    const inserted = new Promise<void>((r) => {
      written = r;
    });
    const first = pg.transaction(async (tx) => {
      await pgReclassification(tx).recordDecision(decision);
      written();
      await held;
    });
    await inserted;
    // The second waits on the first's uncommitted row, then finds it there.
    const second = pg.transaction((tx) => pgReclassification(tx).recordDecision({ ...decision, accepted: false }));
    setTimeout(release, 100);
    await first;
    await expect(second).rejects.toMatchObject({
      code: 'conflict',
      message: 'no open proposal for customer 5 in 2026-10',
    });
    const kept = (await pgBackups(pg).rows('reclassDecisions')).filter((d) => d.month === '2026-10');
    expect(kept.map((d) => d.accepted)).toEqual([true]);
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
    const [NOV, DEC] = ['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'];
    for (const v of VIEWERS) {
      expect(await p.cases(v)).toEqual(await s.cases(v));
      expect(await p.lost(v)).toEqual(await s.lost(v));
      expect(await p.lost(v, NOV, DEC)).toEqual(await s.lost(v, NOV, DEC));
      expect(await p.lost(v, undefined, '2026-11-16T00:00:00.000Z')).toEqual(
        await s.lost(v, undefined, '2026-11-16T00:00:00.000Z'),
      );
    }
    expect((await p.lost(BOSS)).map((l) => l.id)).toEqual([8, 3, 7]);
    expect((await p.lost(BOSS, NOV, DEC)).map((l) => l.id)).toEqual([8, 3]);
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
      expect(await p.filesNamed('acme', v)).toEqual(await s.filesNamed('acme', v));
      for (const [no, loc, besides] of [
        ['P-1', null, []],
        ['P-3', 'L1', []],
        [null, 'L1', []],
        [null, 'L1', [1, 2]],
        ['nope', 'L2', []],
      ] as const)
        expect(await p.findParcel(no, loc, v, [...besides])).toEqual(await s.findParcel(no, loc, v, [...besides]));
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
