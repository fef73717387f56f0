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

/** A CSV file of these lines, as the import routes take one inline. */
export const csvFile = (lines: string[]) => ({
  filename: 'list.csv',
  data: Buffer.from(lines.join('\r\n'), 'utf8').toString('base64'),
});

export const commit = (t: TestApp, file: { filename: string; data: string }, key: string) =>
  t.request('POST', '/api/import/commit', { file, idempotencyKey: key });

/** The file of this name, as GET /api/customers/:id answers it. */
export async function fileNamed(t: TestApp, name: string) {
  const list = (await t.request('GET', '/api/customers')).json.customers as { id: number; name: string }[];
  const id = list.find((c) => c.name === name)?.id;
  return (await t.request('GET', `/api/customers/${id}`)).json;
}
