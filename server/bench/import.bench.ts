/**
 * An XLSX import at the row cap (MAX_IMPORT_ROWS) through the app (chunked upload, preview, commit) on a temp database,
 * against a floor measured in the same run: a bare prepared INSERT of the same rows into
 * `customers` in one transaction. Prints one JSON line.  Run: npx tsx bench/import.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.ts';
import { openDb } from '../src/db/client.ts';
import { buildSampleBook } from '../src/routes/transfer/sample-book.ts';
import { MAX_IMPORT_ROWS, readXlsx } from '../src/services/transfer/files.ts';
import { SYSTEM } from '../src/services/visibility.ts';
import { sqliteStore } from '../src/store/sqlite/store.ts';

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? MAX_IMPORT_ROWS);
const dir = mkdtempSync(join(tmpdir(), 'dossier-import-bench-'));
try {
  const book = await buildSampleBook(ROWS);
  const db = openDb(join(dir, 'import.sqlite'));
  const app = createApp({
    store: sqliteStore(db),
    pairedOrigins: async () => [],
    clock: () => new Date(),
    authenticate: async () => SYSTEM,
    allowedHosts: new Set(),
    extensionOrigins: new Set(),
    version: 'bench',
  });
  const call = async (method: string, path: string, body: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { authorization: 'Bearer bench', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
    return json;
  };
  for (const ex of book.existing) await call('POST', '/api/customers', ex);

  const t0 = performance.now();
  const up = await call('POST', '/api/import/uploads', { filename: 'bench.xlsx', size: book.buffer.length });
  const CHUNK = 512 * 1024;
  for (let offset = 0; offset < book.buffer.length; offset += CHUNK) {
    const data = book.buffer.subarray(offset, offset + CHUNK).toString('base64');
    await call('POST', `/api/import/uploads/${up.uploadId}`, { offset, data });
  }
  const t1 = performance.now();
  const preview = await call('POST', '/api/import/preview', { file: { uploadId: up.uploadId } });
  const t2 = performance.now();
  const report = await call('POST', '/api/import/commit', {
    file: { uploadId: up.uploadId },
    idempotencyKey: 'bench-import-1',
  });
  const t3 = performance.now();
  for (const k of ['created', 'merged', 'skipped', 'invalid'] as const) {
    if (report[k] !== book.expected[k] || preview.counts[k] !== book.expected[k]) {
      throw new Error(`${k}: expected ${book.expected[k]}, preview ${preview.counts[k]}, commit ${report[k]}`);
    }
  }

  // The floor: the same rows' values, one prepared INSERT each, one transaction, nothing else.
  const [sheet] = await readXlsx(book.buffer);
  const values = (sheet?.rows ?? [])
    .slice(2)
    .map((r) => ({ name: r[1] || '?', tier: 'C', phones: JSON.stringify([r[5]]) }));
  const floorDb = openDb(join(dir, 'floor.sqlite'));
  const insert = floorDb.$client.prepare(`insert into customers (name, normalized_name, initials, pinyin, tier, status,
    region, phones, fax, emails, created_at, updated_at, next_call_due, next_visit_due, next_due)
    values (?, ?, '', '', ?, 'prospect', '[]', ?, '[]', '[]', ?, ?, ?, ?, ?)`);
  const now = new Date().toISOString();
  const b0 = performance.now();
  floorDb.$client.transaction(() => {
    for (const v of values) insert.run(v.name, v.name, v.tier, v.phones, now, now, now, now, now);
  })();
  const b1 = performance.now();
  floorDb.$client.close();
  db.$client.close();

  const seconds = (t3 - t0) / 1000;
  console.log(
    JSON.stringify({
      name: 'import-10k',
      rows: ROWS,
      seconds: Number(seconds.toFixed(3)),
      rowsPerSecond: Math.round(ROWS / seconds),
      baselineRowsPerSecond: Math.round(values.length / ((b1 - b0) / 1000)),
      uploadSeconds: Number(((t1 - t0) / 1000).toFixed(3)),
      previewSeconds: Number(((t2 - t1) / 1000).toFixed(3)),
      commitSeconds: Number(((t3 - t2) / 1000).toFixed(3)),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
