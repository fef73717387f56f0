import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client.ts';
import { type PgDb, pgDb, pgPool } from '../../db/pg/client.ts';
import { createTestDatabase, pgServer } from '../../db/pg/test-db.ts';
import { ApiError } from '../../lib/errors.ts';
import { backup, restore } from '../../services/transfer/backup.ts';
import { commitImport, type Hold, previewImport } from '../../services/transfer/imports.ts';
import { stopParseWorker } from '../../services/transfer/parse-pool.ts';
import type { Viewer } from '../../services/visibility.ts';
import { ConstraintViolation } from '../imports.ts';
import { sqliteStore } from '../sqlite/store.ts';
import type { Store } from '../store.ts';
import { pgImports } from './imports.ts';
import { pgSearch } from './search.ts';
import { pgStore } from './store.ts';

const BOSS: Viewer = { id: 1, name: 'boss', role: 'manager' };
const NOW = new Date('2026-12-06T02:00:00.000Z');
const alone: Hold = (write) => write();

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await stopParseWorker();
});

async function freshPg(): Promise<{ db: PgDb; store: Store }> {
  const t = await createTestDatabase();
  const pool = pgPool(t.url, { max: 4 });
  cleanup.push(t.drop, () => pool.end());
  const db = pgDb(pool);
  return { db, store: pgStore(db) };
}

function freshSqlite(): Store {
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'dossier-pg-transfer-')), 'db.sqlite'));
  cleanup.push(() => {
    db.$client.close();
  });
  return sqliteStore(db);
}

const csv = (lines: string[]) => ({ filename: 'book.csv', data: Buffer.from(lines.join('\n')).toString('base64') });

const BOOK = [
  '客户名称,联系人,手机,职务,网站,级别,生日',
  '嘉华贸易有限公司,王建国,13800000001,总经理,https://www.jiahua.cn,A,1980-12-05',
  '北方置业,李明,13900000002,采购,,B,',
  'Acme Trading,John Smith,13700000003,Buyer,https://acme.com,C,',
  '嘉华贸易有限公司,张三,13600000004,财务,,,',
];

const count = async (db: PgDb, table: string) =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`)).rows[0]?.n;

/** A backup's tables without its time: what must come out the same on both engines. */
const tablesOf = async (store: Store) => (await backup(store, BOSS, NOW)).tables;

// Each test starts the import parse worker or two databases: seconds on a busy machine.
describe.skipIf(!pgServer)('imports and backups on PostgreSQL', { timeout: 30_000 }, () => {
  it('an import writes in-process (no worker target) what SQLite writes, and its search rows as reindex would', async () => {
    const pg = await freshPg();
    const sqlite = freshSqlite();
    expect(await pg.store.imports.workerTarget()).toBeNull();
    const o = { file: csv(BOOK), idempotencyKey: 'import-1' };
    const [s, p] = [await commitImport(sqlite, BOSS, NOW, o, alone), await commitImport(pg.store, BOSS, NOW, o, alone)];
    expect(p).toEqual(s);
    expect(p.report.rows.length).toBe(4);
    expect(await pg.store.exports.visibleData(BOSS)).toEqual(await sqlite.exports.visibleData(BOSS));
    expect(await tablesOf(pg.store)).toEqual(await tablesOf(sqlite));
    // The same key again: the stored report, nothing written twice.
    expect(await commitImport(pg.store, BOSS, NOW, o, alone)).toEqual({ report: p.report, replayed: true });
    expect(await count(pg.db, 'customers')).toBe(3);

    const batch = await pg.db.execute(sql`select * from customer_search order by customer_id`);
    for (const id of [1, 2, 3]) await pgSearch(pg.db).reindex(id);
    expect((await pg.db.execute(sql`select * from customer_search order by customer_id`)).rows).toEqual(batch.rows);
    expect(batch.rows.length).toBe(3);
    expect((await pg.store.search.find('嘉华', 10, BOSS)).map((h) => h.id)).toEqual([1]);
  });

  it('an import is all or nothing: a row the database refuses leaves no row of the file, and a preview writes nothing', async () => {
    const pg = await freshPg();
    // A rule of this database only, so that the third row is refused by PostgreSQL itself.
    await pg.db.execute(sql`alter table customers add constraint no_acme check (name <> 'Acme Trading')`);
    const o = { file: csv(BOOK), idempotencyKey: 'import-2' };
    const failed = await commitImport(pg.store, BOSS, NOW, o, alone).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ApiError);
    expect((failed as ApiError).code).toBe('conflict');
    expect((failed as ApiError).message).toMatch(/^row 4: .*no_acme/);
    for (const table of ['customers', 'people', 'customer_keys', 'tier_changes', 'customer_search', 'imports'])
      expect(await count(pg.db, table), table).toBe(0);

    await pg.db.execute(sql`alter table customers drop constraint no_acme`);
    const preview = await previewImport(pg.store, BOSS, NOW, { file: csv(BOOK) }, alone);
    expect(preview.rows.length).toBe(4);
    expect(await count(pg.db, 'customers')).toBe(0);
    const done = await commitImport(pg.store, BOSS, NOW, o, alone);
    expect(done.report.created).toBe(3);
    // The identity was not held back by the rolled-back attempt's ids in any way that matters: new rows follow.
    expect(await count(pg.db, 'customers')).toBe(3);
  });

  it('two imports at once that bring the same company: one after the other, the second merges into the first', async () => {
    const pg = await freshPg();
    const a = csv([BOOK[0] as string, '嘉华贸易有限公司,王建国,13800000001,总经理,https://www.jiahua.cn,A,']);
    const b = csv([BOOK[0] as string, '嘉华贸易有限公司,张三,13600000004,财务,https://www.jiahua.cn,A,']);
    const [ra, rb] = await Promise.all([
      commitImport(pg.store, BOSS, NOW, { file: a, idempotencyKey: 'import-a' }, alone),
      commitImport(pg.store, BOSS, NOW, { file: b, idempotencyKey: 'import-b' }, alone),
    ]);
    expect([ra.report.created, rb.report.created].sort()).toEqual([0, 1]);
    expect(await count(pg.db, 'customers')).toBe(1);
    expect(await count(pg.db, 'people')).toBe(2);
  });

  it("a refused write is a ConstraintViolation (SQLSTATE 23…), inside a transaction as outside, and the transaction's writes are undone", async () => {
    const { db } = await freshPg();
    const imports = pgImports(db);
    const file = {
      name: 'X',
      formerNames: [],
      normalizedName: 'x',
      initials: 'X',
      pinyin: 'x',
      tier: 'B' as const,
      status: 'active' as const,
      statusByContact: false,
      lostReason: null,
      lostReasonCode: null,
      lostAt: null,
      nextStep: null,
      stage: null,
      region: [],
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
      owner: 'boss',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      nextCallDue: NOW.toISOString(),
      nextVisitDue: NOW.toISOString(),
      nextDue: NOW.toISOString(),
    };
    const id = await imports.addFile(file);
    await imports.addKey(id, { kind: 'domain', value: 'x.cn' }, NOW.toISOString());
    await expect(imports.addKey(id, { kind: 'domain', value: 'x.cn' }, NOW.toISOString())).rejects.toBeInstanceOf(
      ConstraintViolation,
    );
    await expect(imports.addPerson(999, { name: 'nobody' }, NOW.toISOString())).rejects.toBeInstanceOf(
      ConstraintViolation,
    );
    await expect(
      db.transaction(async (tx) => {
        const t = pgImports(tx);
        const other = await t.addFile({ ...file, name: 'Y' });
        await t.addPerson(other, { name: 'Y person', email: 'Y@Example.COM', keyPerson: true }, NOW.toISOString());
        await t.addKey(other, { kind: 'domain', value: 'x.cn' }, NOW.toISOString());
      }),
    ).rejects.toBeInstanceOf(ConstraintViolation);
    expect(await count(db, 'customers')).toBe(1);
    expect(await count(db, 'people')).toBe(0);
    expect(await imports.keyHolder({ kind: 'domain', value: 'x.cn' })).toBe(id);
    expect(await imports.visibleFile(id, { id: 2, name: 'wang', role: 'member' })).toBeUndefined();
    expect((await imports.visibleFile(id, { id: 2, name: 'boss', role: 'member' }))?.name).toBe('X');
    expect(await imports.sameName('x', BOSS)).toEqual({ id, name: 'X' });
    const person = await imports.addPerson(id, { name: 'P', email: 'P@X.CN', mobile: '138' }, NOW.toISOString());
    await imports.fillPerson(person, { title: 'CEO' }, NOW.toISOString());
    expect(await imports.peopleOf(id)).toMatchObject([{ id: person, email: 'p@x.cn', title: 'CEO' }]);
    expect(await imports.mobilesOf(BOSS)).toEqual([{ customerId: id, mobile: '138' }]);
    expect(await imports.interactionKeyUsed('k')).toBe(false);
    await imports.addInteraction(id, {
      kind: 'call',
      at: NOW.toISOString(),
      personId: person,
      summary: null,
      outcome: null,
      intention: null,
      appointment: null,
      sourceUrl: null,
      visit: null,
      idempotencyKey: 'k',
      createdAt: NOW.toISOString(),
    });
    expect(await imports.interactionKeyUsed('k')).toBe(true);
  });

  it('a chunked upload, a chunk sent twice at once stored once, and its report by key', async () => {
    const { db } = await freshPg();
    const imports = pgImports(db);
    const up = await imports.addUpload(1, 'big.xlsx', 6, NOW.toISOString());
    await imports.addChunk(up, 0, Buffer.from('abc'));
    // A retry racing the original, each in its own transaction as the service runs them.
    await Promise.all(
      [1, 2].map(() =>
        db.transaction(async (tx) => {
          const seen = await pgImports(tx).upload(up, 1);
          if (seen?.received === 3) await pgImports(tx).addChunk(up, 3, new Uint8Array([100, 101, 102]));
        }),
      ),
    );
    expect(await imports.upload(up, 1)).toEqual({ id: up, userId: 1, filename: 'big.xlsx', size: 6, received: 6 });
    expect(await imports.upload(up, 2)).toBeUndefined();
    expect((await imports.uploadBytes(up)).toString()).toBe('abcdef');
    await imports.dropUploadsBefore('2026-01-01T00:00:00.000Z');
    expect(await imports.upload(up, 1)).toBeDefined();
    await imports.dropUploadsBefore('2027-01-01T00:00:00.000Z');
    expect(await imports.upload(up, 1)).toBeUndefined();

    const id = await imports.add({
      userId: 1,
      kind: 'customers',
      filename: 'a.csv',
      fileSha256: 'f',
      idempotencyKey: 'key',
      createdAt: NOW.toISOString(),
    });
    await imports.setReport(id, { importId: id, created: 2 });
    expect(await imports.byId(id)).toEqual({ userId: 1, kind: 'customers', report: { importId: id, created: 2 } });
    expect(await imports.reportByKey('key')).toEqual({ importId: id, created: 2 });
    expect(await imports.reportByKey('other')).toBeUndefined();
  });

  it('a backup written on either engine restores into the other and reads back the same; new rows get ids after the restored ones', async () => {
    const pg = await freshPg();
    const sqlite = freshSqlite();
    const o = { file: csv(BOOK), idempotencyKey: 'import-3' };
    for (const store of [sqlite, pg.store]) {
      await store.backups.addUser({
        id: 1,
        name: 'boss',
        role: 'manager',
        createdAt: NOW.toISOString(),
        revokedAt: null,
      });
      await store.backups.addUser({
        id: 2,
        name: 'wang',
        role: 'member',
        createdAt: NOW.toISOString(),
        revokedAt: null,
      });
      await commitImport(store, BOSS, NOW, o, alone);
      await store.contactSheet.saveRemark(2, '2026-11', '好', NOW.toISOString());
      await store.backups.insertRows('materials', [
        {
          id: 7,
          customerId: 1,
          number: 1,
          title: 'photo',
          url: null,
          fileName: 'a.bin',
          mimeType: 'application/octet-stream',
          content: Buffer.from([0, 1, 254, 255]),
          createdAt: NOW.toISOString(),
        },
      ]);
    }
    for (const store of [sqlite, pg.store])
      await store.backups.insertRows('customerShares', [{ customerId: 2, userId: 2, createdAt: NOW.toISOString() }]);
    // A member's backup: their files' rows, cut by the ids of all they see.
    const member = (store: Store) => backup(store, { id: 2, name: 'wang', role: 'member' }, NOW);
    expect(await member(pg.store)).toEqual(await member(sqlite));
    expect((await member(pg.store)).tables.customers?.map((c) => c.id)).toEqual([2]);
    const fromPg = await backup(pg.store, BOSS, NOW);
    const fromSqlite = await backup(sqlite, BOSS, NOW);
    expect(fromPg).toEqual(fromSqlite);

    const pg2 = await freshPg();
    const sqlite2 = freshSqlite();
    const file = (b: unknown) => ({ bytes: Buffer.from(JSON.stringify(b)), filename: 'backup.json' });
    const intoPg = await restore(pg2.store, BOSS, NOW, file(fromSqlite), 'restore-1');
    const intoSqlite = await restore(sqlite2, BOSS, NOW, file(fromPg), 'restore-1');
    expect(intoPg).toEqual(intoSqlite);
    expect(await tablesOf(pg2.store)).toEqual(fromSqlite.tables);
    expect(await tablesOf(sqlite2)).toEqual(fromPg.tables);
    expect((await pg2.store.search.find('嘉华', 10, BOSS)).map((h) => h.id)).toEqual([1]);

    // The identity sequences were moved past the restored ids.
    expect(
      await pg2.store.backups.addUser({ name: 'new', role: 'member', createdAt: NOW.toISOString(), revokedAt: null }),
    ).toBe(3);
    const again = await commitImport(
      pg2.store,
      BOSS,
      NOW,
      { file: csv([BOOK[0] as string, '新公司,新人,13500000005,,,,']), idempotencyKey: 'import-4' },
      alone,
    );
    expect(again.report.created).toBe(1);
    expect((await pg2.store.exports.visibleData(BOSS)).customers.map((c) => c.id)).toEqual([1, 2, 3, 4]);
    await expect(pg2.store.backups.snapshot('/tmp/x.sqlite')).rejects.toThrow(/pg_dump/);
  });

  it('one backup restored twice at once: one restore, the other finds files there (409)', async () => {
    const source = await freshPg();
    await source.store.backups.addUser({
      id: 1,
      name: 'boss',
      role: 'manager',
      createdAt: NOW.toISOString(),
      revokedAt: null,
    });
    await commitImport(source.store, BOSS, NOW, { file: csv(BOOK), idempotencyKey: 'import-5' }, alone);
    const bytes = Buffer.from(JSON.stringify(await backup(source.store, BOSS, NOW)));
    const target = await freshPg();
    const results = await Promise.allSettled(
      ['restore-a', 'restore-b'].map((key) => restore(target.store, BOSS, NOW, { bytes, filename: 'b.json' }, key)),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: 'conflict' });
    expect(await count(target.db, 'customers')).toBe(3);
  });
});
