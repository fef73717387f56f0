import { describe, expect, it } from 'vitest';
import { dumpAll, searchRows } from '../../dump.test-helpers.ts';
import { MAX_IMPORT_ROWS } from '../../services/transfer/files.ts';
import { TEST_ENGINE } from '../../test-engine.ts';
import { makeTestApp, type TestApp } from '../../test-utils.ts';
import { buildSampleBook, type SampleBook } from './sample-book.ts';
import { upload } from './test-helpers.ts';

async function seedExisting(t: TestApp, book: SampleBook) {
  const ids: number[] = [];
  for (const ex of book.existing) {
    const r = await t.request('POST', '/api/customers', ex);
    expect(r.status).toBe(201);
    ids.push(r.json.id);
  }
  return ids;
}

const searchRow = async (t: TestApp, id: number) => (await searchRows(t, id))[0];

/** Makes every insert of a customer with this website fail as a constraint would (the engine's own trigger). */
async function refuseWebsite(t: TestApp, website: string) {
  if (TEST_ENGINE === 'pg') {
    await t.sql(`create function forced_conflict() returns trigger language plpgsql as $$
      begin raise exception 'forced conflict' using errcode = 'integrity_constraint_violation'; end $$`);
    await t.sql(`create trigger forced_conflict before insert on customers for each row
      when (new.website = '${website}') execute function forced_conflict()`);
  } else {
    await t.sql(`create trigger forced_conflict before insert on customers
      when new.website = '${website}' begin select raise(abort, 'forced conflict'); end`);
  }
  return async () => {
    if (TEST_ENGINE === 'pg') {
      await t.sql('drop trigger forced_conflict on customers');
      await t.sql('drop function forced_conflict');
    } else await t.sql('drop trigger forced_conflict');
  };
}

describe('import of customer lists', () => {
  it('imports an XLSX at the row cap with 3% bad rows and 5% duplicates: exact counts and a per-row report', async () => {
    const t = makeTestApp();
    const book = await buildSampleBook(MAX_IMPORT_ROWS);
    const existingIds = await seedExisting(t, book);
    // Sent in chunks, each under the 1 MB body limit, as a file bigger than one request would be.
    const uploadId = await upload(t, '客户档案.xlsx', book.buffer);

    const preview = await t.request('POST', '/api/import/preview', { file: { uploadId } });
    expect(preview.status).toBe(200);
    expect(preview.json.headerRow).toBe(2);
    expect(preview.json.columns.map((c: { field: string | null }) => c.field)).toEqual([
      null,
      'name',
      'person.name',
      'person.title',
      'person.mobile',
      'phones',
      'fax',
      'person.email',
      'address',
      'website',
      'tier',
      'region',
      'industry',
      'notes',
    ]);
    expect(preview.json.counts).toEqual(book.expected);
    expect(preview.json.errors.map((e: { row: number; field: string }) => ({ row: e.row, field: e.field }))).toEqual(
      book.bad,
    );
    expect(preview.json.sample).toHaveLength(20);
    expect(preview.json.sample[0].values.name).toBeTruthy();
    expect(await t.count('customers')).toBe(book.existing.length); // the preview wrote nothing

    const commit = await t.request('POST', '/api/import/commit', {
      file: { uploadId },
      idempotencyKey: 'import-10k-0001',
    });
    expect(commit.status).toBe(201);
    const { rows, importId, filename, sheet, createdAt, ...counts } = commit.json;
    expect(counts).toEqual(book.expected);
    expect(rows).toHaveLength(MAX_IMPORT_ROWS);
    const byRow = new Map(rows.map((r: { row: number }) => [r.row, r]));
    for (const b of book.bad) {
      expect(byRow.get(b.row)).toMatchObject({
        outcome: 'invalid',
        errors: [expect.objectContaining({ field: b.field })],
      });
    }
    rows.forEach((r: { row: number; outcome: string; customerId?: number; matchedRow?: number }) => {
      const i = r.row - 3;
      if (i % 40 === 13) {
        expect(r).toMatchObject({ outcome: 'merged', customerId: existingIds[Math.floor(i / 40)] });
      } else if (i % 40 === 33) {
        expect(r).toMatchObject({ outcome: 'skipped', matchedRow: r.row - 3 });
      }
    });
    expect(await t.count('customers')).toBe(book.existing.length + book.expected.created);
    // A merged file gained the new contact and kept its own.
    const merged = await t.request('GET', `/api/customers/${existingIds[0]}`);
    expect(merged.json.people.map((p: { name: string }) => p.name)).toEqual(['钱老板', '孙新人']);
    // The imported files are due for their first call like any new file, and found by search.
    const first = rows[0].customerId;
    const file = await t.request('GET', `/api/customers/${first}`);
    expect(file.json).toMatchObject({
      tier: 'A',
      region: ['华东', '江苏', '徐州'],
      nextCallDue: '2026-11-23T15:59:59.999Z',
    });
    const found = await t.request('GET', `/api/search?q=${encodeURIComponent('c000000-group.com.cn')}`);
    expect(JSON.stringify(found.json)).toContain(String(first));
    // The batched search rows are exactly what the search store's reindex writes.
    const sampleIds = rows
      .filter((r: { outcome: string }) => r.outcome !== 'invalid' && r.outcome !== 'unplaced')
      .slice(0, 60)
      .map((r: { customerId: number }) => r.customerId);
    for (const id of sampleIds) {
      const batched = await searchRow(t, id);
      expect(batched).toBeDefined();
      await t.store.search.reindex(id);
      expect(await searchRow(t, id)).toEqual(batched);
    }

    const report = await t.request('GET', `/api/import/${importId}`);
    expect(report.status).toBe(200);
    expect(report.json.rows).toEqual(rows);
    const replay = await t.request('POST', '/api/import/commit', {
      file: { uploadId },
      idempotencyKey: 'import-10k-0001',
    });
    expect(replay.status).toBe(200);
    expect(replay.json.importId).toBe(importId);
    expect(await t.count('customers')).toBe(book.existing.length + book.expected.created);
  }, 180_000);

  it('leaves the database unchanged when a row fails in the middle (all or nothing)', async () => {
    const t = makeTestApp();
    const book = await buildSampleBook(2_000);
    const existingIds = await seedExisting(t, book);
    const file = { filename: 'list.xlsx', data: book.buffer.toString('base64') };
    const before = await dumpAll(t, ['audit_log']);
    // Row 1003 (the 1001st data row) hits a constraint the database enforces.
    const dropTrigger = await refuseWebsite(t, 'https://www.c001000-group.com.cn/');
    const failed = await t.request('POST', '/api/import/commit', { file, idempotencyKey: 'import-fail-0001' });
    expect(failed.status).toBe(409);
    expect(failed.json.error).toMatchObject({ code: 'conflict', details: { row: 1003 } });
    await dropTrigger();
    expect(await dumpAll(t, ['audit_log'])).toEqual(before);

    // A decision naming a file removed since the preview fails the same way.
    await t.request('DELETE', `/api/customers/${existingIds[3]}`);
    const stale = await t.request('POST', '/api/import/commit', {
      file,
      idempotencyKey: 'import-fail-0002',
      decisions: [{ row: 1500, action: 'merge', customerId: existingIds[3] }],
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.details.row).toBe(1500);
    expect(await t.count('customers')).toBe(book.existing.length);
    expect(await t.count('imports')).toBe(0);

    const ok = await t.request('POST', '/api/import/commit', { file, idempotencyKey: 'import-fail-0002' });
    expect(ok.status).toBe(201);
    // The removed file's key was released, so its duplicate row is now a new file.
    expect(ok.json.created).toBe(book.expected.created + 1);
  }, 60_000);

  it("joins a person's mobile on file to a row of the same company only; another company's row is a new file, that one offered", async () => {
    const t = makeTestApp();
    const jiahua = await t.request('POST', '/api/customers', {
      name: '江苏嘉华融通置业有限公司',
      tier: 'A',
      people: [{ name: '李敏', mobile: '13900001111' }],
    });
    expect(jiahua.status).toBe(201);
    const csv = [
      '客户名称\t联系人\t手机',
      // The same person under a short form of the same company: joins that file.
      '江苏嘉华\t李敏\t139 0000 1111',
      // The same number under another company: a person who moved, or a number passed on.
      'Contoso Building Materials Ltd.\tJohn Smith\t+86 139-0000-1111',
    ].join('\r\n');
    const file = { filename: 'book.csv', data: Buffer.from(csv, 'utf8').toString('base64') };
    const preview = await t.request('POST', '/api/import/preview', { file });
    expect(preview.status).toBe(200);
    expect(preview.json.proposals).toEqual([
      expect.objectContaining({
        row: 2,
        action: 'skip',
        customerId: jiahua.json.id,
        matchedBy: { kind: 'mobile', value: '139 0000 1111' },
      }),
      expect.objectContaining({
        row: 3,
        action: 'create',
        suggestion: {
          customerId: jiahua.json.id,
          name: '江苏嘉华融通置业有限公司',
          by: { kind: 'mobile', value: '+86 139-0000-1111' },
        },
      }),
    ]);
    const commit = await t.request('POST', '/api/import/commit', { file, idempotencyKey: 'mobile-elsewhere-01' });
    expect(commit.json).toMatchObject({ created: 1, skipped: 1 });
    expect((await t.request('GET', `/api/customers/${jiahua.json.id}`)).json.people).toHaveLength(1);
  });

  it('reads CSV in UTF-16 and GBK with English or Chinese headers, and follows per-row decisions', async () => {
    const t = makeTestApp();
    const contoso = await t.request('POST', '/api/customers', {
      name: 'Contoso Ltd',
      tier: 'B',
      website: 'contoso.com',
    });
    const credit = await t.request('POST', '/api/customers', {
      name: '上海中联科技有限公司',
      tier: 'A',
      keys: [{ kind: 'credit_code', value: '91310000MA1FL4CT3U' }],
    });
    expect(credit.status).toBe(201);
    const csv = [
      'Company\tContact\tMobile\tE-mail\tWebsite\tTier\tCredit code\tNotes',
      'Contoso Limited\tAnn Lee\t13900001111\tann@contoso.cn\t\tA\t\t',
      '上海中联科技\t\t\t\t\t甲\t91310000MA1FL4CT3U\tsame code',
      '"Fabrikam, Inc."\tMark Chen\t13900002222\tmark@fabrikam.com\twww.fabrikam.com\tb\t\t\'=1+1',
      'Contoso Ltd\t\t\t\tcontoso.com\tB\t\t',
    ].join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    const file = { filename: 'export.txt', data: bytes.toString('base64') };
    const preview = await t.request('POST', '/api/import/preview', { file });
    expect(preview.status).toBe(200);
    expect(preview.json.headerRow).toBe(1);
    expect(preview.json.counts).toEqual({
      total: 4,
      created: 2,
      merged: 1,
      skipped: 1,
      invalid: 0,
      unplaced: 0,
      lines: 0,
    });
    expect(preview.json.proposals).toEqual([
      expect.objectContaining({
        row: 2,
        action: 'create',
        suggestion: expect.objectContaining({ customerId: contoso.json.id }),
      }),
      expect.objectContaining({
        row: 3,
        action: 'merge',
        customerId: credit.json.id,
        matchedBy: { kind: 'credit_code', value: '91310000MA1FL4CT3U' },
      }),
      expect.objectContaining({ row: 5, action: 'skip', customerId: contoso.json.id }),
    ]);
    const commit = await t.request('POST', '/api/import/commit', {
      file,
      idempotencyKey: 'csv-import-0001',
      decisions: [
        { row: 2, action: 'merge', customerId: contoso.json.id },
        { row: 3, action: 'skip' },
      ],
    });
    expect(commit.status).toBe(201);
    expect(commit.json).toMatchObject({ created: 1, merged: 1, skipped: 2, invalid: 0 });
    const c = await t.request('GET', `/api/customers/${contoso.json.id}`);
    expect(c.json.people).toEqual([
      expect.objectContaining({ name: 'Ann Lee', mobile: '13900001111', email: 'ann@contoso.cn' }),
    ]);
    expect(c.json.tier).toBe('B'); // a merge fills blanks, never overwrites
    const fab = commit.json.rows.find((r: { row: number }) => r.row === 4);
    const f = await t.request('GET', `/api/customers/${fab.customerId}`);
    expect(f.json).toMatchObject({ name: 'Fabrikam, Inc.', tier: 'B', notes: '=1+1' });
    expect(f.json.keys.map((k: { kind: string }) => k.kind).sort()).toEqual(['domain', 'email_domain'].sort());

    // A CSV saved by Chinese Excel is GBK: 公司名称,等级 / 中联科技,甲
    const gbk = Buffer.from('B9ABCBBEC3FBB3C62CB5C8BCB60AD6D0C1AABFC6BCBC2CBCD70A', 'hex');
    const g = await t.request('POST', '/api/import/preview', {
      file: { filename: 'gbk.csv', data: gbk.toString('base64') },
    });
    expect(g.json.sample[0]).toMatchObject({ values: { name: '中联科技', tier: '甲' }, action: 'create' });
  });

  it('lists a row whose last contact has not happened yet, as a logged call is refused; the other rows land', async () => {
    const t = makeTestApp('2026-12-07T01:00:00.000Z'); // 09:00 in Shanghai
    const csv = [
      '公司名称,客户等级,联系人,手机,上次联系',
      '未来置业有限公司,A,李一,13900000011,2027-03-01 10:00',
      '今天置业有限公司,A,王二,13900000012,2026-12-07 09:03',
    ].join('\r\n');
    const file = { filename: 'list.csv', data: Buffer.from(csv).toString('base64') };
    const preview = (await t.request('POST', '/api/import/preview', { file })).json;
    expect(preview.counts).toMatchObject({ total: 2, created: 1, invalid: 1 });
    const commit = await t.request('POST', '/api/import/commit', { file, idempotencyKey: 'future-contact' });
    expect(commit.json).toMatchObject({ created: 1, invalid: 1 });
    expect(commit.json.rows.find((r: { row: number }) => r.row === 2)).toMatchObject({
      outcome: 'invalid',
      errors: [{ row: 2, field: 'lastContact', why: expect.stringContaining('2027-03-01') }],
    });
    // A few minutes ahead is a clock's skew, as for a logged call: that row lands with its contact.
    expect(await t.sql('select name, last_call_at from customers')).toEqual([
      { name: '今天置业有限公司', last_call_at: '2026-12-07T01:03:00.000Z' },
    ]);
  });

  it('reads a list of private customers (a name column beside a store’s own columns); each person gets a file of their own when the user says so', async () => {
    const t = makeTestApp();
    const csv = '客户姓名,车型,上次到店时间\n张三,宝马 3系 2020款,2025-03-10\n李四,奔驰 C200L,2025-05-22\n';
    const file = { filename: '客户信息表.csv', data: Buffer.from(csv).toString('base64') };
    const preview = await t.request('POST', '/api/import/preview', { file });
    expect(preview.status).toBe(200);
    expect(preview.json.headerRow).toBe(1);
    expect(preview.json.counts).toMatchObject({ total: 2, created: 0, unplaced: 2, invalid: 0 });
    const commit = await t.request('POST', '/api/import/commit', {
      file,
      idempotencyKey: 'own-files-0001',
      decisions: [
        { row: 2, action: 'create' },
        { row: 3, action: 'create' },
      ],
    });
    expect(commit.status).toBe(201);
    expect(commit.json).toMatchObject({ created: 2, unplaced: 0, invalid: 0 });
    expect(commit.json.rows.map((r: { name?: string }) => r.name)).toEqual(['张三', '李四']);
    const zhang = await t.request('GET', `/api/customers/${commit.json.rows[0].customerId}`);
    expect(zhang.json).toMatchObject({ name: '张三', notes: '车型：宝马 3系 2020款\n上次到店时间：2025-03-10' });
    expect(zhang.json.people.map((p: { name: string }) => p.name)).toEqual(['张三']);
    // Without the decision a person without a company is still only listed.
    const listed = await t.request('POST', '/api/import/commit', { file, idempotencyKey: 'own-files-0002' });
    expect(listed.json).toMatchObject({ created: 0, unplaced: 2 });
  });

  it('lists a hand-made sheet’s group headings and totals as no customers, each group’s name kept in the notes of its rows', async () => {
    const t = makeTestApp();
    const csv = [
      '序号,单位名称,联系人,手机,备注',
      '一、房地产开发企业,,,,',
      '1,徐州恒达置业有限公司,周建国,13905161234,',
      '2,南京紫金建设集团有限公司,孙伟,18951871234,年底有新项目',
      '二、物业服务企业,,,,',
      '3,苏州金鸡湖物业管理有限公司,李娜,15862431234,',
      '合计：3家单位,,,,',
    ].join('\n');
    const commit = await t.request('POST', '/api/import/commit', {
      file: { filename: '重点客户.csv', data: Buffer.from(csv).toString('base64') },
      idempotencyKey: 'sheet-lines-0001',
    });
    expect(commit.status).toBe(201);
    // Listed as what they are, not as problems: the sheet imported without one.
    expect(commit.json).toMatchObject({ total: 6, created: 3, invalid: 0, lines: 3 });
    const row = (n: number) => commit.json.rows.find((r: { row: number }) => r.row === n);
    expect([2, 5, 7].map((n) => row(n)?.outcome)).toEqual(['line', 'line', 'line']);
    const why = (n: number) => row(n)?.errors;
    expect(why(2)).toEqual([
      {
        row: 2,
        field: 'name',
        why: '"一、房地产开发企业" is a heading of the sheet, not a customer: kept in the notes of the rows under it',
        code: 'heading',
        value: '一、房地产开发企业',
      },
    ]);
    expect(why(7)).toEqual([
      {
        row: 7,
        field: 'name',
        why: '"合计：3家单位" is a total or a footer of the report, not a customer',
        code: 'footer',
        value: '合计：3家单位',
      },
    ]);
    const notes = await t.sql('select name, notes from customers order by id');
    expect(notes).toEqual([
      { name: '徐州恒达置业有限公司', notes: '分组：房地产开发企业' },
      { name: '南京紫金建设集团有限公司', notes: '年底有新项目\n分组：房地产开发企业' },
      { name: '苏州金鸡湖物业管理有限公司', notes: '分组：物业服务企业' },
    ]);
  });

  it('refuses what it cannot read with a 4xx, never a 500', async () => {
    const t = makeTestApp();
    const bad = async (file: unknown, extra = {}) =>
      (await t.request('POST', '/api/import/preview', { file, ...extra })).status;
    expect(await bad({ filename: 'x.xlsx', data: Buffer.from('not a zip').toString('base64') })).toBe(400);
    expect(await bad({ filename: 'x.csv', data: Buffer.from('foo,bar\n1,2').toString('base64') })).toBe(400);
    expect(await bad({ filename: 'x.csv', data: 'not base64!' })).toBe(400);
    expect(await bad({ uploadId: 999 })).toBe(404);
    const ok = { filename: 'x.csv', data: Buffer.from('名称,备注\n甲公司,x').toString('base64') };
    expect(await bad(ok, { mapping: ['notes', null] })).toBe(400); // a mapping without a name column
    expect(await bad(ok, { mapping: ['name', 'notes'], headerRow: 1 })).toBe(200);
  });

  it('resumes chunked uploads and keeps them to their owner', async () => {
    const t = makeTestApp();
    const bytes = Buffer.from('公司名称,等级\n甲公司,A\n', 'utf8');
    const up = await t.request('POST', '/api/import/uploads', { filename: 'a.csv', size: bytes.length });
    const id = up.json.uploadId;
    const part = (from: number, to: number) => ({ offset: from, data: bytes.subarray(from, to).toString('base64') });
    expect((await t.request('POST', `/api/import/uploads/${id}`, part(0, 10))).json.received).toBe(10);
    // A retry of a chunk already stored is harmless; a gap says where to resume.
    expect((await t.request('POST', `/api/import/uploads/${id}`, part(0, 10))).json.received).toBe(10);
    const gap = await t.request('POST', `/api/import/uploads/${id}`, part(12, bytes.length));
    expect(gap.status).toBe(409);
    expect(gap.json.error.details.received).toBe(10);
    expect((await t.request('POST', '/api/import/preview', { file: { uploadId: id } })).status).toBe(409);
    const member = t.addUser('mia', 'member');
    expect((await t.request('POST', `/api/import/uploads/${id}`, part(10, bytes.length), member.headers)).status).toBe(
      404,
    );
    expect((await t.request('POST', `/api/import/uploads/${id}`, part(10, bytes.length))).json.received).toBe(
      bytes.length,
    );
    const p = await t.request('POST', '/api/import/preview', { file: { uploadId: id } });
    expect(p.json.counts.created).toBe(1);
  });

  it('gives a member’s rows to the member and never matches files they cannot see', async () => {
    const t = makeTestApp();
    const other = await t.request('POST', '/api/customers', {
      name: '徐州嘉华置业有限公司',
      tier: 'A',
      website: 'xz-land.com.cn',
      owner: 'owner',
    });
    const mia = t.addUser('mia', 'member');
    const csv = '公司名称,网址,负责人\n徐州嘉华置业有限公司,www.xz-land.com.cn,owner\n';
    const r = await t.request(
      'POST',
      '/api/import/commit',
      { file: { filename: 'a.csv', data: Buffer.from(csv).toString('base64') }, idempotencyKey: 'member-import-1' },
      mia.headers,
    );
    expect(r.status).toBe(201);
    expect(r.json.rows[0]).toEqual({
      row: 2,
      outcome: 'created',
      name: '徐州嘉华置业有限公司',
      customerId: expect.any(Number),
    });
    const mine = await t.request('GET', `/api/customers/${r.json.rows[0].customerId}`, undefined, mia.headers);
    expect(mine.json).toMatchObject({ owner: 'mia', keys: [] });
    expect((await t.request('GET', `/api/customers/${other.json.id}`)).json.keys).toHaveLength(1);
    expect(
      (await t.request('GET', `/api/import/${r.json.importId}`, undefined, t.addUser('max', 'member').headers)).status,
    ).toBe(404);
  });
});

describe('vCard import', () => {
  it('adds people from vCard 2.1, 3.0 and 4.0, deduplicated by e-mail and mobile', async () => {
    const t = makeTestApp();
    const c = await t.request('POST', '/api/customers', {
      name: '徐州嘉华融通置业有限公司',
      tier: 'A',
      people: [{ name: '王建国', mobile: '13952000001' }],
    });
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:王;建国;;;',
      'FN:王建国',
      'TITLE:董事长',
      'TEL;TYPE=CELL:139 5200 0001',
      'EMAIL;TYPE=INTERNET:wang@xz-land.com.cn',
      'BDAY:1968-05-12',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Ann Lee',
      'TEL;VALUE=uri;TYPE="voice,cell":tel:+86-139-5200-0002',
      'TEL;TYPE=work:0516-87654321',
      'EMAIL:Ann@Example.com',
      'BDAY:--0512',
      'ADR;TYPE=home:;;中山路1号;徐州;江苏;221000;中国',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Ann Lee (dup)',
      'EMAIL:ann@example.com',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:Old Phone',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Bad Mail',
      'EMAIL:not-an-address',
      'END:VCARD',
      '',
    ].join('\r\n');
    const file = { filename: 'contacts.vcf', data: Buffer.from(vcf).toString('base64') };
    const r = await t.request('POST', '/api/import/vcard', {
      customerId: c.json.id,
      file,
      idempotencyKey: 'vcard-0001',
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ total: 5, created: 2, merged: 1, skipped: 1, invalid: 1 });
    expect(r.json.cards.map((x: { outcome: string }) => x.outcome)).toEqual([
      'merged',
      'created',
      'skipped',
      'created',
      'invalid',
    ]);
    const got = await t.request('GET', `/api/customers/${c.json.id}`);
    expect(got.json.people).toEqual([
      expect.objectContaining({
        name: '王建国',
        title: '董事长',
        email: 'wang@xz-land.com.cn',
        birthday: '1968-05-12',
      }),
      expect.objectContaining({
        name: 'Ann Lee',
        mobile: '+86-139-5200-0002',
        directLine: '0516-87654321',
        email: 'ann@example.com',
        // One line as a work address is written: parts by commas, the country left out when it is China.
        homeAddress: '中山路1号, 徐州, 江苏 221000',
      }),
      // A 2.1 card is read like the others (vcard-legacy.ts).
      expect.objectContaining({ name: 'Old Phone' }),
    ]);
    // --0512 has no year: kept under the no-year year 1604 (as Apple's address book keeps one).
    expect(got.json.people[1].birthday).toBe('1604-05-12');
    const again = await t.request('POST', '/api/import/vcard', {
      customerId: c.json.id,
      file,
      idempotencyKey: 'vcard-0001',
    });
    expect(again.status).toBe(200);
    expect(again.json.importId).toBe(r.json.importId);
    const mia = t.addUser('mia', 'member');
    const hidden = await t.request('POST', '/api/import/vcard', { customerId: c.json.id, file }, mia.headers);
    expect(hidden.status).toBe(404);
  });
});
