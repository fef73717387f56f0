import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshListedNames } from '../store/sqlite/name-forms.ts';
import { BIGRAM_END, nameBigrams } from '../store/sqlite/search.ts';
import { sqliteStore } from '../store/sqlite/store.ts';
import type { Db } from './client.ts';
import * as schema from './schema.ts';

const drizzleDir = join(dirname(fileURLToPath(import.meta.url)), '../../drizzle');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the migrations folder whose journal ends before `tag`. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-migrations-'));
  dirs.push(dir);
  cpSync(drizzleDir, dir, { recursive: true });
  const journalFile = join(dir, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((e) => e.tag === tag),
  );
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

const pieces = (bigrams: string) => new Set(bigrams.split(BIGRAM_END).filter(Boolean));

describe('migration 0006: two-character pieces for search', () => {
  it('fills the pieces of rows written before it, as nameBigrams would, and they are searchable', () => {
    const sqlite = new Database(':memory:');
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: migrationsBefore('0006_search_bigrams') });
    const names = ['嘉华融通置业有限公司 王建国 Li Ming', 'Northwind Trading', '赵'];
    const insert = sqlite.prepare(
      'insert into customer_search (rowid, name, initials, pinyin, phones, domains, emails) values (?, ?, ?, ?, ?, ?, ?)',
    );
    names.forEach((n, i) => {
      insert.run(i + 1, n, 'x', 'x', '05161234', 'x.cn', 'a@x.cn');
    });

    migrate(db, { migrationsFolder: drizzleDir });

    const rows = sqlite.prepare('select rowid, name, phones, bigrams from customer_search order by rowid').all() as {
      rowid: number;
      name: string;
      phones: string;
      bigrams: string;
    }[];
    expect(rows.map((r) => [r.rowid, r.name, r.phones])).toEqual(names.map((n, i) => [i + 1, n, '05161234']));
    for (const r of rows) expect(pieces(r.bigrams)).toEqual(pieces(nameBigrams(r.name)));
    expect(rows[2]?.bigrams).toBe('');
    const find = (q: string) =>
      (
        sqlite
          .prepare('select rowid from customer_search where customer_search match ? order by rowid')
          .all(`bigrams : "${q}${BIGRAM_END}"`) as { rowid: number }[]
      ).map((r) => r.rowid);
    expect(find('嘉华')).toEqual([1]);
    expect(find('建国')).toEqual([1]);
    expect(find('hw')).toEqual([2]);
    // Not across a space: "d T" is not a piece of "Northwind Trading".
    expect(find('dt')).toEqual([]);
    sqlite.close();
  });
});

describe('migration 0013: a logged contact keeps its replay record in its row', () => {
  it("moves each logged contact's record from replays into its row and leaves every other record", () => {
    const sqlite = new Database(':memory:');
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: migrationsBefore('0013_replay_in_interaction_row') });
    const at = '2026-11-20T02:00:00.000Z';
    sqlite.exec(`insert into customers (id, name, normalized_name, initials, pinyin, tier, status, region, phones, fax,
      emails, next_call_due, next_visit_due, next_due, created_at, updated_at)
      values (1, 'Northwind', 'northwind', 'NW', 'Northwind', 'A', 'active', '[]', '[]', '[]', '[]', 'x', 'x', 'x', 'x', 'x')`);
    const contact = sqlite.prepare(
      "insert into interactions (customer_id, kind, at, idempotency_key, created_at) values (1, 'call', ?, ?, ?)",
    );
    contact.run(at, 'logged-1', at);
    contact.run(at, 'imported-1', at);
    const record = sqlite.prepare(
      'insert into replays (key, user_id, operation, fingerprint, at) values (?, ?, ?, ?, ?)',
    );
    record.run('logged-1', 7, 'interaction', 'f-logged', at);
    record.run('promise-1', 7, 'commitment', 'f-promise', at);

    migrate(db, { migrationsFolder: drizzleDir });

    expect(
      sqlite.prepare('select idempotency_key, requested_by, request_fingerprint from interactions order by id').all(),
    ).toEqual([
      { idempotency_key: 'logged-1', requested_by: 7, request_fingerprint: 'f-logged' },
      { idempotency_key: 'imported-1', requested_by: null, request_fingerprint: null },
    ]);
    expect(sqlite.prepare('select key, operation from replays').all()).toEqual([
      { key: 'promise-1', operation: 'commitment' },
    ]);
    sqlite.close();
  });
});

describe("migration 0018: a lost file's open promises are withdrawn with it", () => {
  it('withdraws the open promises of files lost before it, as of their loss and with why; no other', () => {
    const sqlite = new Database(':memory:');
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: migrationsBefore('0018_promises_withdrawn') });
    const file = sqlite.prepare(`insert into customers (id, name, normalized_name, initials, pinyin, tier, status,
      lost_at, lost_reason_code, lost_reason, region, phones, fax, emails, next_call_due, next_visit_due, next_due,
      created_at, updated_at) values (?, ?, ?, 'X', 'x', 'A', ?, ?, ?, ?, '[]', '[]', '[]', '[]', 'x', 'x', 'x', 'x', ?)`);
    file.run(1, '流失甲', '流失甲', 'lost', '2026-11-02T02:00:00.000Z', 'price', '对手报价低', 'u');
    file.run(2, '流失乙', '流失乙', 'lost', null, null, null, '2026-10-01T00:00:00.000Z');
    file.run(3, '在做丙', '在做丙', 'active', null, null, null, 'u');
    const promise = sqlite.prepare(
      "insert into commitments (id, customer_id, text, due_at, kept_at, created_at) values (?, ?, 't', 'd', ?, 'c')",
    );
    promise.run(1, 1, null);
    promise.run(2, 1, '2026-11-01T00:00:00.000Z');
    promise.run(3, 2, null);
    promise.run(4, 3, null);

    migrate(db, { migrationsFolder: drizzleDir });

    expect(sqlite.prepare('select id, withdrawn_at, withdrawn_reason from commitments order by id').all()).toEqual([
      { id: 1, withdrawn_at: '2026-11-02T02:00:00.000Z', withdrawn_reason: 'lost (price: 对手报价低)' },
      { id: 2, withdrawn_at: null, withdrawn_reason: null },
      { id: 3, withdrawn_at: '2026-10-01T00:00:00.000Z', withdrawn_reason: 'lost' },
      { id: 4, withdrawn_at: null, withdrawn_reason: null },
    ]);
    sqlite.close();
  });
});

describe('migration 0021: a lost file’s standing appointment is cancelled with it', () => {
  it('cancels the latest appointment fixed before a loss or a reopening that no contact followed; no other', () => {
    const sqlite = new Database(':memory:');
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: migrationsBefore('0021_lost_appointments_cancelled') });
    const file = sqlite.prepare(`insert into customers (id, name, normalized_name, initials, pinyin, tier, status,
      lost_at, reopened_at, region, phones, fax, emails, next_call_due, next_visit_due, next_due, created_at, updated_at)
      values (?, ?, ?, 'X', 'x', 'A', ?, ?, ?, '[]', '[]', '[]', '[]', 'x', 'x', 'x', 'x', 'u')`);
    file.run(1, '流失甲', '流失甲', 'lost', '2026-11-02T02:00:00.000Z', null);
    file.run(2, '流失乙', '流失乙', 'lost', '2026-11-02T02:00:00.000Z', null);
    file.run(3, '回头丙', '回头丙', 'active', null, '2026-11-16T01:00:00.000Z');
    file.run(4, '在做丁', '在做丁', 'active', null, null);
    const contact = sqlite.prepare(`insert into interactions (id, customer_id, kind, at, appointment, idempotency_key,
      created_at) values (?, ?, 'call', ?, ?, ?, 'c')`);
    const appointment = '2026-11-10T02:00:00.000Z';
    // 甲: an appointment replaced by a later one, which stood when the file was lost.
    contact.run(1, 1, '2026-10-01T02:00:00.000Z', '2026-10-08T02:00:00.000Z', 'k1');
    contact.run(2, 1, '2026-10-20T02:00:00.000Z', appointment, 'k2');
    // 乙: its appointment followed by a call.
    contact.run(3, 2, '2026-10-20T02:00:00.000Z', appointment, 'k3');
    contact.run(4, 2, '2026-11-01T02:00:00.000Z', null, 'k4');
    // 丙: one fixed before it was lost and won back, one after.
    contact.run(5, 3, '2026-10-20T02:00:00.000Z', appointment, 'k5');
    contact.run(6, 3, '2026-11-20T02:00:00.000Z', '2026-11-27T02:00:00.000Z', 'k6');
    // 丁: never lost.
    contact.run(7, 4, '2026-10-20T02:00:00.000Z', appointment, 'k7');

    migrate(db, { migrationsFolder: drizzleDir });

    const cancelled = sqlite.prepare('select id, appointment_cancelled_at as at from interactions order by id').all();
    expect(cancelled).toEqual([
      { id: 1, at: null },
      { id: 2, at: '2026-11-02T02:00:00.000Z' },
      { id: 3, at: null },
      { id: 4, at: null },
      { id: 5, at: '2026-11-16T01:00:00.000Z' },
      { id: 6, at: null },
      { id: 7, at: null },
    ]);
    sqlite.close();
  });
});

describe('migration 0022: names matched without their accents', () => {
  it('lists the files with Latin names or keys, accented former names or people; the store works their forms out again once', () => {
    const sqlite = new Database(':memory:');
    migrate(drizzle(sqlite), { migrationsFolder: migrationsBefore('0022_names_refolded') });
    // As the version before left them: normalised names and search rows with the accents.
    const file = sqlite.prepare(`insert into customers (id, name, former_names, normalized_name, initials, pinyin, tier,
      status, region, phones, fax, emails, next_call_due, next_visit_due, next_due, created_at, updated_at)
      values (?, ?, ?, ?, 'X', 'x', 'A', 'active', '[]', '[]', '[]', '[]', 'x', 'x', 'x', 'x', 'u')`);
    file.run(1, 'Lefèvre Emballages SARL', '[]', 'lefèvre emballages sarl');
    file.run(2, '嘉华融通置业有限公司', '[]', '嘉华融通置业');
    file.run(3, '杜邦', '["Société Dupont"]', '杜邦');
    file.run(4, 'Acme', '[]', 'acme');
    file.run(5, 'Northwind', '[]', 'northwind');
    file.run(6, 'NORTHWIND TRADING SARL', '[]', 'northwind trading sarl');
    sqlite.exec(`insert into people (customer_id, name, created_at, updated_at) values (5, 'Zoë Smith', 'c', 'u')`);
    const key = sqlite.prepare(
      "insert into customer_keys (customer_id, kind, value, created_at) values (?, 'name', ?, 'c')",
    );
    key.run(4, 'acmé');
    key.run(1, 'emballages lefèvre');
    key.run(5, 'acme');
    const row = sqlite.prepare(
      'insert into customer_search (rowid, name, initials, pinyin, phones, domains, emails, bigrams) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    row.run(1, 'Lefèvre Emballages SARL', 'x', 'x', '', '', '', '');
    row.run(5, 'Northwind Zoë Smith', 'x', 'x', '', '', '', '');

    const db = drizzle(sqlite, { schema }) as Db;
    migrate(db, { migrationsFolder: drizzleDir });
    expect(sqlite.prepare('select customer_id from names_to_refresh order by 1').pluck().all()).toEqual([
      1, 3, 4, 5, 6,
    ]);

    sqliteStore(db);

    const files = sqlite.prepare('select id, normalized_name from customers order by id').all();
    expect(files).toEqual([
      { id: 1, normalized_name: 'lefevre emballages' },
      { id: 2, normalized_name: '嘉华融通置业' },
      { id: 3, normalized_name: '杜邦' },
      { id: 4, normalized_name: 'acme' },
      { id: 5, normalized_name: 'northwind' },
      { id: 6, normalized_name: 'northwind trading' },
    ]);
    // 4's key would now read as 5's: it keeps its old form rather than being dropped.
    const keys = sqlite.prepare('select customer_id as id, value from customer_keys order by id').all();
    expect(keys).toEqual([
      { id: 1, value: 'emballages lefevre' },
      { id: 4, value: 'acmé' },
      { id: 5, value: 'acme' },
    ]);
    const find = (q: string) =>
      sqlite.prepare('select rowid from customer_search where name match ? order by rowid').pluck().all(`"${q}"`);
    expect(find('lefevre')).toEqual([1]);
    expect(find('zoe')).toEqual([5]);
    expect(find('societe')).toEqual([3]);
    expect(sqlite.prepare('select count(*) from names_to_refresh').pluck().get()).toBe(0);
    expect(refreshListedNames(db)).toBe(0);
    sqlite.close();
  });
});

describe('migration 0023: umlauts written out', () => {
  it('lists the files whose name or name keys hold ae, oe or ue; MUELLER is then offered beside Müller', () => {
    const sqlite = new Database(':memory:');
    migrate(drizzle(sqlite), { migrationsFolder: migrationsBefore('0023_umlauts_written_out') });
    const file = sqlite.prepare(`insert into customers (id, name, former_names, normalized_name, initials, pinyin, tier,
      status, region, phones, fax, emails, next_call_due, next_visit_due, next_due, created_at, updated_at)
      values (?, ?, '[]', ?, 'X', 'x', 'A', 'active', '[]', '[]', '[]', '[]', 'x', 'x', 'x', 'x', 'u')`);
    file.run(1, 'Müller Straßenbau', 'muller strassenbau');
    file.run(2, 'MUELLER STRASSENBAU AG', 'mueller strassenbau');
    file.run(3, 'Blue Ocean', 'blue ocean');
    file.run(4, 'Acme', 'acme');
    file.run(5, '嘉华置业', '嘉华置业');
    sqlite.exec(
      "insert into customer_keys (customer_id, kind, value, created_at) values (4, 'name', 'oelmuehle', 'c')",
    );
    // 3 is listed already, by the migration before, when this one runs on an old file.
    sqlite.exec('insert into names_to_refresh (customer_id) values (3)');

    const db = drizzle(sqlite, { schema }) as Db;
    migrate(db, { migrationsFolder: drizzleDir });
    expect(sqlite.prepare('select customer_id from names_to_refresh order by 1').pluck().all()).toEqual([2, 3, 4]);

    sqliteStore(db);
    const forms = sqlite.prepare('select normalized_name from customers order by id').pluck().all();
    expect(forms).toEqual(['muller strassenbau', 'muller strassenbau', 'blu ocean', 'acme', '嘉华置业']);
    const key = sqlite.prepare("select value from customer_keys where kind = 'name'").pluck().get();
    expect(key).toBe('olmuhle');
    sqlite.close();
  });
});

describe('migration 0024: signing and winning land dated', () => {
  it('dates a signed file by the latest edit that signed it, land won by its edit or the land result that opened it', () => {
    const sqlite = new Database(':memory:');
    migrate(drizzle(sqlite), { migrationsFolder: migrationsBefore('0024_signed_and_land_won_dates') });
    const file = sqlite.prepare(`insert into customers (id, name, former_names, normalized_name, initials, pinyin, tier,
      status, stage, region, phones, fax, emails, next_call_due, next_visit_due, next_due, created_at, updated_at)
      values (?, ?, '[]', 'x', 'X', 'x', 'A', ?, ?, '[]', '[]', '[]', '[]', 'x', 'x', 'x', 'c', 'u')`);
    file.run(1, 'signed twice', 'signed', null);
    file.run(2, 'imported signed', 'signed', 'land_won');
    file.run(3, 'signed, then taken back', 'active', null);
    file.run(4, 'opened by a land result', 'prospect', 'land_won');
    file.run(11, 'another file', 'signed', null);
    const edit = sqlite.prepare(
      "insert into audit_log (at, user_name, method, path, status, detail) values (?, 'me', ?, ?, ?, ?)",
    );
    edit.run('2026-09-01', 'PATCH', '/api/customers/1', 200, '{"status":"signed"}');
    edit.run('2026-10-01', 'PATCH', '/api/customers/1', 200, '{"tier":"A", "status": "signed"}');
    edit.run('2026-11-01', 'PATCH', '/api/customers/1', 200, '{"notes":"status signed"}');
    edit.run('2026-11-02', 'PATCH', '/api/customers/1', 400, '{"status":"signed"}');
    edit.run('2026-09-05', 'PATCH', '/api/customers/3', 200, '{"status":"signed"}');
    edit.run('2026-10-05', 'PATCH', '/api/customers/2', 200, '{"stage":"land_won"}');
    edit.run('2026-10-06', 'POST', '/api/customers/1/merge', 200, '{"status":"signed"}');
    sqlite.exec(`insert into parcels (customer_id, status, created_at, updated_at) values
      (4, 'dealt', '2026-11-20', 'u'), (4, 'listed', '2026-11-01', 'u'), (4, 'dealt', '2026-11-21', 'u')`);

    migrate(drizzle(sqlite, { schema }), { migrationsFolder: drizzleDir });
    const rows = sqlite.prepare('select id, signed_at, land_won_at from customers order by id').all();
    expect(rows).toEqual([
      { id: 1, signed_at: '2026-10-01', land_won_at: null },
      { id: 2, signed_at: null, land_won_at: '2026-10-05' },
      { id: 3, signed_at: null, land_won_at: null },
      { id: 4, signed_at: null, land_won_at: '2026-11-20' },
      { id: 11, signed_at: null, land_won_at: null },
    ]);
    sqlite.close();
  });
});

describe('nameBigrams', () => {
  it('gives each two-character piece once, none across a space, astral characters whole', () => {
    expect(nameBigrams('嘉华嘉华 ab')).toBe(`嘉华${BIGRAM_END}华嘉${BIGRAM_END}ab${BIGRAM_END}`);
    expect(nameBigrams('𠮷野家')).toBe(`𠮷野${BIGRAM_END}野家${BIGRAM_END}`);
    expect(nameBigrams('a')).toBe('');
  });
});
