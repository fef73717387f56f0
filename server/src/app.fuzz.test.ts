import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './index.ts';

const TOKEN = 'fuzz-token-0123456789abcdef';
const RUNS = 10_000;

const paths = fc.oneof(
  fc.constantFrom(
    '/api/health',
    '/api/customers',
    '/api/customers/1',
    '/api/customers/1/people',
    '/api/customers/1/keys',
    '/api/customers/1/interactions',
    '/api/interactions',
    '/api/interactions/1',
    '/api/commitments',
    '/api/context',
    '/api/due',
    '/api/search',
    '/api/settings',
    '/api/openapi.json',
  ),
  fc.string({ maxLength: 40 }).map((s) => `/api/${encodeURIComponent(s)}`),
  fc
    .tuple(
      fc.constantFrom('/api/customers/', '/api/interactions/', '/api/customers/1/people/'),
      fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 30 })),
    )
    .map(([p, v]) => `${p}${encodeURIComponent(String(v))}`),
);
const query = fc
  .dictionary(
    fc.constantFrom(
      'url',
      'email',
      'q',
      'within',
      'limit',
      'tier',
      'name',
      'creditCode',
      'icp',
      'owner',
      fc.string({ maxLength: 8 }) as never,
    ),
    fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(
        '"',
        '*',
        'NEAR(a b)',
        '((',
        '7d',
        '-1d',
        'jhrt',
        'https://www.xz-land.com.cn/',
        'a@qq.com',
        '1e309',
      ),
    ),
    { maxKeys: 3 },
  )
  .map((d) => (Object.keys(d).length ? `?${new URLSearchParams(d as Record<string, string>)}` : ''));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.integer(),
    fc.double(),
    fc.bigInt().map((b) => Number(b)),
    fc.constantFrom(
      Number.MAX_SAFE_INTEGER + 2,
      -0,
      1e308,
      'A',
      'B',
      'call',
      'visit',
      '2026-11-23T02:00:00Z',
      true,
      false,
      null,
    ),
    tie('object'),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
  object: fc.dictionary(
    fc.constantFrom(
      'name',
      'tier',
      'customerId',
      'kind',
      'idempotencyKey',
      'at',
      'keys',
      'people',
      'website',
      'cadence',
      'email',
      'value',
      'text',
      'dueAt',
      '__proto__',
      'constructor',
      fc.string({ maxLength: 10 }) as never,
    ),
    tie('value'),
    { maxKeys: 6 },
  ),
}));
const body = fc.oneof(
  fc.constant(undefined),
  json.value.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"name":', '[]', 'null', '{"name":"x","tier":"A"}', '\u0000\uFFFF'),
);
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
  path: paths,
  query,
  body,
  auth: fc.constantFrom('good', 'good', 'good', 'none', 'bad'),
  contentType: fc.constantFrom(
    'application/json',
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    undefined,
  ),
  origin: fc.constantFrom(
    undefined,
    undefined,
    undefined,
    'https://evil.example',
    'chrome-extension://abcdefghijklmnop',
    'null',
  ),
});

describe('fuzz: generated requests against the real server over HTTP', () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-fuzz-'));
    // Brute-force lockout off here: the fuzz wants every request to reach the routes.
    server = await startServer({
      port: 0,
      dataDir: dir,
      token: TOKEN,
      keepBackups: 0,
      authFailuresPerMinute: Number.POSITIVE_INFINITY,
    });
    // A customer with id 1 so that generated paths also reach real rows.
    await fetch(`${server.url}/api/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '徐州嘉华融通置业有限公司', tier: 'A', website: 'xz-land.com.cn' }),
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`answers ${RUNS} generated requests with no 5xx, and rejected ones change nothing`, async () => {
    const client = server.db.$client;
    const changes = () => (client.prepare('select total_changes() as n').get() as { n: number }).n;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {};
        if (r.auth === 'good') headers.authorization = `Bearer ${TOKEN}`;
        if (r.auth === 'bad') headers.authorization = 'Bearer not-the-token-000000';
        if (r.contentType && r.body !== undefined) headers['content-type'] = r.contentType;
        if (r.origin) headers.origin = r.origin;
        const before = changes();
        const res = await fetch(`${server.url}${r.path}${r.query}`, {
          method: r.method,
          headers,
          ...(r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD' ? { body: r.body } : {}),
        });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(changes()).toBe(before);
      }),
      { numRuns: RUNS, seed: 20261123 },
    );
    expect(client.pragma('integrity_check', { simple: true })).toBe('ok');
    console.log('fuzz status counts', Object.fromEntries([...statuses].sort()));
  }, 300_000);
});
