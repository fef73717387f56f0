import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client.ts';
import { sqliteStore } from '../../store/sqlite/store.ts';
import { applyMap, cliExport, cliImport } from './cli.ts';
import { readXlsx } from './files.ts';
import { stopParseWorker } from './parse-pool.ts';

const samples = join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/fixtures/contact-exports');
const file = (name: string) => ({ bytes: readFileSync(join(samples, name)), filename: name });
const NOW = new Date('2026-12-06T02:00:00.000Z');

afterAll(() => stopParseWorker());

describe('pnpm dossier import / export (the same services, on a database file)', () => {
  it('previews with --dry-run, imports, answers the same report for the same file, and exports it again', async () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'dossier-cli-')), 'dossier.sqlite'));
    const store = sqliteStore(db);
    const count = () => (db.$client.prepare('select count(*) as n from customers').get() as { n: number }).n;
    const dry = await cliImport(store, { file: file('account-manager-book.xlsx'), dryRun: true, now: NOW });
    expect(dry[0]).toBe('account-manager-book.xlsx: xlsx, sheet "客户档案", header on row 2');
    expect(dry).toContain('    9  上次联系 → lastContact');
    expect(dry.at(-1)).toBe(
      'Dry run, nothing written — 6 rows: 5 new, 1 merged, 0 unchanged, 0 without a company, 0 with problems',
    );
    expect(count()).toBe(0);

    // --map: the last-contact column ignored, so no contact is logged.
    const done = await cliImport(store, { file: file('account-manager-book.xlsx'), map: '上次联系=-', now: NOW });
    expect(done).toContain('    9  上次联系 → -');
    expect(done.at(-1)).toMatch(/^Imported \(import #1\) — 6 rows: 5 new, 1 merged/);
    expect(count()).toBe(5);
    expect((db.$client.prepare('select count(*) as n from interactions').get() as { n: number }).n).toBe(0);
    const again = await cliImport(store, { file: file('account-manager-book.xlsx'), map: '上次联系=-', now: NOW });
    expect(again.at(-1)).toMatch(/^Already imported \(import #1\)/);

    const google = await cliImport(store, { file: file('google-contacts.csv'), now: NOW });
    expect(google).toContain(
      '  ? row 5: 王小红 has no company — place them in the dashboard, or give each a file of their own (--own-files)',
    );

    const xlsx = await cliExport(store, { format: 'xlsx', now: NOW });
    expect(xlsx.name).toBe('dossier-2026-12-06.xlsx');
    const [customers] = await readXlsx(xlsx.body);
    expect(customers?.rows.slice(1).map((r) => r[1])).toContain('青岛海逸置业有限公司');
    const vcf = await cliExport(store, { format: 'vcf', version: '3.0', now: NOW });
    expect(vcf.body.toString('utf8')).toContain('VERSION:3.0');
    db.$client.close();
  });

  it('reads a table where it is said to be (--sheet, --header-row), a name column named by --map, and people given files of their own', async () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'dossier-cli-')), 'dossier.sqlite'));
    const store = sqliteStore(db);
    const names = () => db.$client.prepare('select name, notes from customers order by id').all();
    // A store's sheet: a title line, then columns none of which says "company" or "name".
    const csv = (text: string) => ({ bytes: Buffer.from(text), filename: 'store.csv' });
    const store1 = csv('门店回访表,,\n车主,车型,回访结果\n张三,宝马 3系,满意\n李四,奔驰 C200L,待回访\n');
    await expect(cliImport(store, { file: store1, now: NOW })).rejects.toThrow(/no header row/);
    await expect(cliImport(store, { file: store1, headerRow: 2, now: NOW })).rejects.toThrow(
      /row 2 has no company name column and no contact name column/,
    );
    const people = await cliImport(store, {
      file: store1,
      headerRow: 2,
      map: '车主=person.name',
      dryRun: true,
      now: NOW,
    });
    expect(people).toContain(
      '  ? row 3: 张三 has no company — place them in the dashboard, or give each a file of their own (--own-files)',
    );
    expect(people.at(-1)).toMatch(/2 rows: 0 new, 0 merged, 0 unchanged, 2 without a company/);
    const own = await cliImport(store, { file: store1, headerRow: 2, map: 'A=person.name', ownFiles: true, now: NOW });
    expect(own.at(-1)).toMatch(/^Imported \(import #1\) — 2 rows: 2 new, 0 merged, 0 unchanged, 0 without a company/);
    expect(names()).toEqual([
      { name: '张三', notes: '车型：宝马 3系\n回访结果：满意' },
      { name: '李四', notes: '车型：奔驰 C200L\n回访结果：待回访' },
    ]);
    expect(db.$client.prepare('select customer_id as c, name from people order by id').all()).toEqual([
      { c: 1, name: '张三' },
      { c: 2, name: '李四' },
    ]);
    await expect(cliImport(store, { file: store1, sheet: 'other', now: NOW })).rejects.toThrow(/no sheet named other/);
    // A phone book given files of their own, run again: its people are on file by their mobiles now,
    // which leads to no decisions — still the same import, its report again (not a refused key).
    const book = { bytes: Buffer.from('姓名,手机\n王芳,13905310011\n赵磊,13905310012\n'), filename: 'book.csv' };
    const first = await cliImport(store, { file: book, ownFiles: true, now: NOW });
    expect(first.at(-1)).toMatch(/^Imported \(import #\d+\) — 2 rows: 2 new/);
    const again = await cliImport(store, { file: book, ownFiles: true, now: NOW });
    expect(again.at(-1)).toBe(first.at(-1)?.replace('Imported', 'Already imported'));
    // The columns --map leaves are read as the import reads them: a CRM's Status of warm and cold
    // is kept in the notes, not taken for the file's status (which would refuse every row).
    const crm = csv('Leads,\nOwner,Status\nAnn Lee,warm\nBo Chen,cold\n');
    const leads = await cliImport(store, { file: crm, headerRow: 2, map: 'Owner=person.name', dryRun: true, now: NOW });
    expect(leads).toContain('    2  Status → other');
    expect(leads.at(-1)).toMatch(/2 without a company, 0 with problems$/);
    db.$client.close();
  });

  it("makes the files it adds nobody's, as the system does, though the import writes in its worker thread", async () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'dossier-cli-')), 'dossier.sqlite'));
    const done = await cliImport(sqliteStore(db), { file: file('outlook-contacts-gbk.csv'), now: NOW });
    expect(done.at(-1)).toMatch(/^Imported \(import #1\) — 3 rows: 2 new/);
    // The viewer reached the worker as a copy, and was once taken for a user named "system".
    expect(db.$client.prepare('select distinct owner from customers').all()).toEqual([{ owner: null }]);
    db.$client.close();
  });

  it("keys a person's own file by their company's mail domain, never by a free mailbox abroad (yahoo.fr): a stranger there is no one's colleague", async () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'dossier-cli-')), 'dossier.sqlite'));
    const store = sqliteStore(db);
    const google = (name: string, rows: string[]) => ({
      filename: name,
      bytes: Buffer.from(
        ['Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value', ...rows].join(
          '\n',
        ),
      ),
    });
    await cliImport(store, {
      file: google('a.csv', [
        'Williamson Razafindrano,Williamson,Razafindrano,* Home,williamson.razafindrano@yahoo.fr,* Work,williamson@koytchaimmopro.mg',
      ]),
      ownFiles: true,
      now: NOW,
    });
    const keys = db.$client.prepare("select value from customer_keys where kind = 'email_domain'").all();
    expect(keys).toEqual([{ value: 'koytchaimmopro.mg' }]);
    const later = await cliImport(store, {
      file: google('b.csv', ['Jean Dupont,Jean,Dupont,* Home,jean.dupont@yahoo.fr,,']),
      dryRun: true,
      now: NOW,
    });
    expect(later.at(-1)).toMatch(/0 merged, 0 unchanged, 1 without a company/);
  });

  it('reads --map by header, number or letter, and refuses an unknown field', () => {
    const headers = ['公司', '联系人', '跟进'];
    expect(applyMap(headers, ['name', 'person.name', null], '跟进=lastContact,2=-')).toEqual([
      'name',
      null,
      'lastContact',
    ]);
    expect(applyMap(headers, ['name', null, null], 'B=person.name')).toEqual(['name', 'person.name', null]);
    expect(() => applyMap(headers, [null, null, null], 'A=company')).toThrow(/"company" is not a field/);
  });
});
