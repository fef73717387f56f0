import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createApp } from './app.ts';
import type { AppDeps } from './deps.ts';
import { hashToken } from './lib/tokens.ts';
import type { Viewer } from './services/visibility.ts';
import { pgTestEngine, sqliteTestEngine, TEST_ENGINE, type TestEngine } from './test-engine.ts';

export const TOKEN = 'test-token-0123456789';

const dirs: string[] = [];
const engines: TestEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * A real app with a settable clock, driven through app.request(): on a temporary SQLite file,
 * or on a database of its own in the test PostgreSQL when DOSSIER_TEST_ENGINE=pg.
 */
export function makeTestApp(start = '2026-11-23T02:00:00.000Z', overrides: Partial<AppDeps> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-test-'));
  dirs.push(dir);
  const engine = TEST_ENGINE === 'pg' ? pgTestEngine() : sqliteTestEngine(dir);
  engines.push(engine);
  let now = new Date(start);
  // The owner is a manager (sees everything), as on a single-user install.
  engine.addUser('owner', 'manager', hashToken(TOKEN), start);
  const { store } = engine.deps;
  const db = engine.db as NonNullable<TestEngine['db']>;
  const deps: AppDeps = {
    ...engine.deps,
    clock: () => now,
    allowedHosts: new Set(),
    extensionOrigins: new Set(),
    version: 'test',
    ...overrides,
  };
  const app = createApp(deps);
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests inspect arbitrary JSON answers
    const json: any = text ? JSON.parse(text) : null;
    return { status: res.status, json, headers: res.headers };
  };
  /** Adds a user with their own token; requests then pass `{ authorization: \`Bearer ${token}\` }`. */
  const addUser = (name: string, role: Viewer['role']) => {
    const token = `token-of-${name}-0123456789`;
    const id = engine.addUser(name, role, hashToken(token), start);
    return { id, token, headers: { authorization: `Bearer ${token}` } };
  };
  /** A statement on the test's own database, on either engine (`?` placeholders). */
  const sql = (text: string, ...params: unknown[]) => engine.query(text, params);
  return {
    sql,
    /** Rows in a table, as a number on either engine. */
    count: async (table: string) => Number((await sql(`select count(*) as n from ${table}`))[0]?.n),
    /**
     * Every table's rows, in a stable order, but those named in `skip`: what a refused or
     * replayed request must leave exactly as it was.
     */
    dump: async (skip: string[] = []) => {
      const out: Record<string, unknown[]> = {};
      for (const name of (await engine.tables()).filter((n) => !skip.includes(n))) {
        // A row's text is a total order on either engine, whatever keys the table has.
        out[name] = await sql(
          TEST_ENGINE === 'pg'
            ? `select * from "${name}" order by "${name}"::text`
            : `select * from "${name}" order by rowid`,
        );
      }
      return out;
    },
    addUser,
    app,
    db,
    store,
    deps,
    dir,
    request,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
    advanceDays: (days: number) => {
      now = new Date(now.getTime() + days * 86_400_000);
    },
  };
}

export type TestApp = ReturnType<typeof makeTestApp>;

let seq = 0;
export const idem = (prefix = 'k') => `${prefix}-${Date.now()}-${++seq}-idem`;
