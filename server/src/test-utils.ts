import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createApp } from './app.ts';
import { openDb } from './db/client.ts';
import type { AppDeps } from './deps.ts';
import { hashToken } from './lib/tokens.ts';
import type { Viewer } from './services/visibility.ts';
import { sqliteStore } from './store/sqlite/store.ts';
import { sqlitePairedOrigins, sqliteTokenAuthenticator } from './store/sqlite/team.ts';

export const TOKEN = 'test-token-0123456789';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A real app on a temporary SQLite file with a settable clock, driven through app.request(). */
export function makeTestApp(start = '2026-11-23T02:00:00.000Z', overrides: Partial<AppDeps> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-test-'));
  dirs.push(dir);
  const db = openDb(join(dir, 'dossier.sqlite'));
  let now = new Date(start);
  // The owner is a manager (sees everything), as on a single-user install.
  db.$client
    .prepare("insert into users (name, role, token_hash, created_at) values ('owner', 'manager', ?, ?)")
    .run(hashToken(TOKEN), start);
  const store = sqliteStore(db);
  const deps: AppDeps = {
    store,
    clock: () => now,
    authenticate: sqliteTokenAuthenticator(db),
    pairedOrigins: sqlitePairedOrigins(db),
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
    const row = db.$client
      .prepare('insert into users (name, role, token_hash, created_at) values (?, ?, ?, ?) returning id')
      .get(name, role, hashToken(token), start) as { id: number };
    return { id: row.id, token, headers: { authorization: `Bearer ${token}` } };
  };
  return {
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
