import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, startServer } from './index.ts';
import { TEST_ENGINE } from './test-engine.ts';
import { makeTestApp, TOKEN as TEST_APP_TOKEN } from './test-utils.ts';

const FUZZ_TOKEN = 'fuzz-token-0123456789abcdef';
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

/** The server under fuzz: its URL and owner token, a count of rows ever changed, and a check that its storage is sound. */
interface Target {
  url: string;
  token: string;
  changes(): Promise<number>;
  expectIntact(): Promise<void>;
  close(): Promise<void>;
}

/** The real server on a SQLite file in a temporary data directory. */
async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-fuzz-'));
  // Brute-force lockout off here: the fuzz wants every request to reach the routes.
  const server = await startServer({
    port: 0,
    dataDir: dir,
    token: FUZZ_TOKEN,
    keepBackups: 0,
    authFailuresPerMinute: Number.POSITIVE_INFINITY,
  });
  const client = server.db.$client;
  return {
    url: server.url,
    token: FUZZ_TOKEN,
    changes: async () => (client.prepare('select total_changes() as n').get() as { n: number }).n,
    expectIntact: async () => {
      expect(client.pragma('integrity_check', { simple: true })).toBe('ok');
    },
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The same app and HTTP listener (index.ts listen, as startServer runs it) on the test's own
 * PostgreSQL database. Rows changed are counted as total_changes() counts them on SQLite: a
 * trigger on every table takes a number from a sequence, which no rollback gives back.
 */
async function pgTarget(): Promise<Target> {
  const allowedHosts = new Set<string>();
  const t = makeTestApp(new Date().toISOString(), {
    clock: () => new Date(),
    allowedHosts,
    authFailuresPerMinute: Number.POSITIVE_INFINITY,
  });
  await t.sql('create sequence fuzz_changes');
  await t.sql(
    "create function fuzz_change() returns trigger language plpgsql as $$ begin perform nextval('fuzz_changes'); return null; end $$",
  );
  await t.sql(`do $$ declare r record; begin
    for r in select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' loop
      execute format('create trigger fuzz_change after insert or update or delete on %I for each row execute function fuzz_change()', r.table_name);
    end loop;
  end $$`);
  const { server, url } = await listen(t.deps, '127.0.0.1', 0, allowedHosts);
  return {
    url,
    token: TEST_APP_TOKEN,
    changes: async () =>
      Number((await t.sql('select case when is_called then last_value else 0 end as n from fuzz_changes'))[0]?.n),
    // SQLite's integrity_check, as PostgreSQL's amcheck has it: every B-tree index ordered and
    // holding exactly its table's rows.
    expectIntact: async () => {
      await t.sql('create extension if not exists amcheck');
      const checked = await t.sql(`select bt_index_check(c.oid, true), c.relname from pg_index i
        join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
        where am.amname = 'btree' and c.relnamespace = 'public'::regnamespace`);
      expect(checked.length).toBeGreaterThan(10);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

describe(`fuzz: generated requests against the real server over HTTP, on ${TEST_ENGINE}`, () => {
  let server: Target;
  beforeAll(async () => {
    server = TEST_ENGINE === 'pg' ? await pgTarget() : await sqliteTarget();
    // A customer with id 1 so that generated paths also reach real rows.
    await fetch(`${server.url}/api/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '徐州嘉华融通置业有限公司', tier: 'A', website: 'xz-land.com.cn' }),
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it(`answers ${RUNS} generated requests with no 5xx, and rejected ones change nothing`, async () => {
    // The count sees writes: the customer made above is in it.
    expect(await server.changes()).toBeGreaterThan(0);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {};
        if (r.auth === 'good') headers.authorization = `Bearer ${server.token}`;
        if (r.auth === 'bad') headers.authorization = 'Bearer not-the-token-000000';
        if (r.contentType && r.body !== undefined) headers['content-type'] = r.contentType;
        if (r.origin) headers.origin = r.origin;
        const before = await server.changes();
        const res = await fetch(`${server.url}${r.path}${r.query}`, {
          method: r.method,
          headers,
          ...(r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD' ? { body: r.body } : {}),
        });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await server.changes()).toBe(before);
      }),
      { numRuns: RUNS, seed: 20261123 },
    );
    await server.expectIntact();
    console.log('fuzz status counts', Object.fromEntries([...statuses].sort()));
  }, 300_000);
});
