import type { Db } from '../../db/client.ts';
import type { TestApp } from '../../test-utils.ts';

/** Sends a file as a chunked upload (each request under the 1 MB body limit) and returns its id. */
export async function upload(t: TestApp, filename: string, bytes: Buffer, chunk = 512 * 1024, headers = {}) {
  const up = await t.request('POST', '/api/import/uploads', { filename, size: bytes.length }, headers);
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(up.json)}`);
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    const data = bytes.subarray(offset, offset + chunk).toString('base64');
    const r = await t.request('POST', `/api/import/uploads/${up.json.uploadId}`, { offset, data }, headers);
    if (r.status !== 200) throw new Error(`chunk: ${r.status} ${JSON.stringify(r.json)}`);
  }
  return up.json.uploadId as number;
}

/** Every row of every table (and of the search index), in rowid order, to compare whole databases. */
export function dumpTables(db: Db, skip: string[] = []): Record<string, unknown[]> {
  const names = (
    db.$client
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'customer_search_%' and name <> '__drizzle_migrations' order by name",
      )
      .all() as { name: string }[]
  )
    .map((r) => r.name)
    .filter((n) => !skip.includes(n));
  return Object.fromEntries(
    names.map((n) => [n, db.$client.prepare(`select rowid as _rowid, * from "${n}" order by rowid`).all()]),
  );
}

export const countOf = (db: Db, table: string) =>
  (db.$client.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
