import { afterEach, describe, expect, it } from 'vitest';
import { dumpAll } from '../../dump.test-helpers.ts';
import { MAX_COLUMNS, MAX_IMPORT_ROWS, MAX_SHEET_ROWS } from '../../services/transfer/files.ts';
import { PARSE_LIMITS } from '../../services/transfer/parse-pool.ts';
import { MAX_CARDS } from '../../services/transfer/vcard.ts';
import { TEST_ENGINE } from '../../test-engine.ts';
import { makeTestApp, type TestApp } from '../../test-utils.ts';
import { bombXlsx, lyingZipXlsx, manyCardsVcf, manyRowsXlsx, repeatedRowsXlsx, sparseXlsx } from './hostile-files.ts';
import { upload } from './test-helpers.ts';

const inline = (filename: string, bytes: Buffer) => ({ filename, data: bytes.toString('base64') });

/** Preview and commit of `file` are both refused with `status` and `code`, and nothing changes. */
async function refused(t: TestApp, file: unknown, status: number, code: string) {
  const before = await dumpAll(t, ['audit_log']);
  const preview = await t.request('POST', '/api/import/preview', { file });
  expect(preview.status).toBe(status);
  expect(preview.json.error.details.code).toBe(code);
  const commit = await t.request('POST', '/api/import/commit', { file, idempotencyKey: `hostile-${code}` });
  expect(commit.status).toBe(status);
  expect(commit.json.error.details.code).toBe(code);
  expect(await dumpAll(t, ['audit_log'])).toEqual(before);
  return commit.json.error;
}

describe('hostile files', () => {
  const timeout = PARSE_LIMITS.timeoutMs;
  afterEach(() => {
    PARSE_LIMITS.timeoutMs = timeout;
  });

  it('refuses a sparse sheet with a far-away cell (XFD1048576) by its column, without a row of it written', async () => {
    const t = makeTestApp();
    const error = await refused(t, inline('sparse.xlsx', sparseXlsx()), 413, 'too_many_columns');
    expect(error).toMatchObject({
      code: 'payload_too_large',
      details: { limit: MAX_COLUMNS, cell: 'XFD1048576', sheet: '客户' },
    });
    expect(await t.count('customers')).toBe(0);
  });

  it('refuses zip bombs by the directory before inflating, and a directory that lies while inflating', async () => {
    const t = makeTestApp();
    // 150,000 copies of one row: a few KB that unpack a thousand-fold.
    const repeated = repeatedRowsXlsx(150_000);
    expect(repeated.length).toBeLessThan(64 * 1024);
    await refused(t, inline('repeated.xlsx', repeated), 413, 'zip_ratio');
    await refused(t, inline('bomb.xlsx', bombXlsx()), 413, 'unzipped_too_large');
    await refused(t, inline('lying.xlsx', lyingZipXlsx(20 * 2 ** 20)), 400, 'zip_size_mismatch');
  });

  it('stops reading a sheet at the row cap, and refuses more customers than one import writes', async () => {
    const t = makeTestApp();
    const file = manyRowsXlsx(MAX_SHEET_ROWS + 10, { step: 3, same: true });
    const uploadId = await upload(t, 'rows.xlsx', file);
    const error = await refused(t, { uploadId }, 413, 'too_many_rows');
    expect(error.details).toMatchObject({ limit: MAX_SHEET_ROWS, sheet: '客户' });
    // A refused file stays uploaded: it can be looked at again, never half-imported.
    expect(await t.count('import_uploads')).toBe(1);
    const over = await refused(t, inline('over.xlsx', manyRowsXlsx(MAX_IMPORT_ROWS + 1)), 413, 'too_many_rows');
    expect(over.details).toMatchObject({ limit: MAX_IMPORT_ROWS, sheet: '客户' });
  }, 60_000);

  it('refuses a CSV past the caps', async () => {
    const t = makeTestApp();
    const wide = `公司名称${',x'.repeat(MAX_COLUMNS)}\n甲公司\n`;
    await refused(t, inline('wide.csv', Buffer.from(wide)), 413, 'too_many_columns');
    const long = `公司名称,电话\n${'甲公司,0516-80000000\n'.repeat(MAX_SHEET_ROWS + 1)}`;
    const uploadId = await upload(t, 'long.csv', Buffer.from(long));
    await refused(t, { uploadId }, 413, 'too_many_rows');
  }, 60_000);

  it('refuses a vCard of more cards than a customer has people, before parsing one', async () => {
    const t = makeTestApp();
    const c = await t.request('POST', '/api/customers', { name: '徐州某某置业有限公司', tier: 'A' });
    const before = await dumpAll(t, ['audit_log']);
    const uploadId = await upload(t, 'all.vcf', manyCardsVcf(100_000));
    const r = await t.request('POST', '/api/import/vcard', { customerId: c.json.id, file: { uploadId } });
    expect(r.status).toBe(413);
    expect(r.json.error.details).toEqual({ code: 'too_many_cards', limit: MAX_CARDS });
    const after = await dumpAll(t, ['audit_log']);
    expect({ ...after, import_upload_chunks: [], import_uploads: [] }).toEqual({
      ...before,
      import_upload_chunks: [],
      import_uploads: [],
    });
    // At the cap it is read, and people are matched by mobile in one pass.
    const ok = await t.request('POST', '/api/import/vcard', {
      customerId: c.json.id,
      file: inline('cap.vcf', manyCardsVcf(MAX_CARDS)),
      idempotencyKey: 'vcard-cap-1',
    });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ total: MAX_CARDS, created: MAX_CARDS });
  }, 60_000);

  it('gives up a read that takes too long with a 413, and the next import gets a fresh worker', async () => {
    const t = makeTestApp();
    PARSE_LIMITS.timeoutMs = 1;
    const file = inline('slow.xlsx', manyRowsXlsx(MAX_IMPORT_ROWS));
    const slow = await t.request('POST', '/api/import/preview', { file });
    expect(slow.status).toBe(413);
    expect(slow.json.error.details.code).toBe('too_slow');
    PARSE_LIMITS.timeoutMs = timeout;
    const again = await t.request('POST', '/api/import/preview', { file });
    expect(again.status).toBe(200);
    expect(again.json.counts.created).toBe(MAX_IMPORT_ROWS);
  }, 60_000);

  it('keeps answering other requests while a file is being read', async () => {
    const t = makeTestApp();
    await t.request('POST', '/api/customers', { name: '徐州某某置业有限公司', tier: 'A', website: 'xz-land.com.cn' });
    const uploadId = await upload(t, 'rows.xlsx', manyRowsXlsx(MAX_IMPORT_ROWS));
    // The worker spends a while on this one: every cell checked, pinyin of every name.
    let done = false;
    const read = t.request('POST', '/api/import/preview', { file: { uploadId } }).then((r) => {
      done = true;
      return r;
    });
    let answered = 0;
    while (!done) {
      const r = await t.request('GET', `/api/context?url=${encodeURIComponent('https://www.xz-land.com.cn/')}`);
      expect(r.json.customer.name).toBe('徐州某某置业有限公司');
      if (!done) answered++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const preview = await read;
    expect(preview.status).toBe(200);
    expect(answered).toBeGreaterThan(5);
    // The answer says how long the file took to read (off the loop) and to write (on it), and on
    // SQLite how long the write waited for the gate (PostgreSQL has none: its import writes in-process).
    expect(preview.headers.get('server-timing')).toMatch(
      TEST_ENGINE === 'pg'
        ? /^read;dur=[\d.]+, write;dur=[\d.]+$/
        : /^read;dur=[\d.]+, wait;dur=[\d.]+, write;dur=[\d.]+$/,
    );
  }, 60_000);
});

describe('an import of many rows of one company', () => {
  it('merges 1,000 rows of one domain into one file, each number matched however it is written', async () => {
    const t = makeTestApp();
    const lines = ['公司名称,网址,联系人,手机,电话'];
    for (let i = 0; i < 1_000; i++) {
      const n = String(i % 500).padStart(4, '0');
      // The second half repeats the first with the numbers written the other way.
      const mobile = i < 500 ? `1390000${n}` : `+86 139-0000-${n}`;
      const phone = i < 500 ? `0516-8000000${i % 7}` : `+86 516 8000 000${i % 7}`;
      lines.push(`徐州某某置业有限公司,www.xz-land.com.cn,联系人${n},${mobile},${phone}`);
    }
    const file = inline('one-company.csv', Buffer.from(lines.join('\n')));
    const r = await t.request('POST', '/api/import/commit', { file, idempotencyKey: 'one-company-1' });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ total: 1_000, created: 1, merged: 499, skipped: 500, invalid: 0 });
    const id = r.json.rows[0].customerId;
    expect(r.json.rows.every((x: { customerId: number }) => x.customerId === id)).toBe(true);
    const c = await t.request('GET', `/api/customers/${id}`);
    expect(c.json.people).toHaveLength(500);
    expect(c.json.phones).toEqual(Array.from({ length: 7 }, (_, k) => `0516-8000000${k}`));
    expect(await t.count('customers')).toBe(1);
    // The file's columns were written once, and search finds the last person merged in.
    const found = await t.request('GET', `/api/search?q=${encodeURIComponent('联系人0499')}`);
    expect(found.json.results.map((x: { id: number }) => x.id)).toEqual([id]);
    // Again: nothing new.
    const again = await t.request('POST', '/api/import/commit', { file, idempotencyKey: 'one-company-2' });
    expect(again.json).toMatchObject({ created: 0, merged: 0, skipped: 1_000 });
  }, 60_000);
});
