import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app.ts';
import { type Db, openDb } from './db/client.ts';
import type { AppDeps } from './deps.ts';
import { isLoopback } from './env.ts';
import { withDirectLookups } from './routes/context/direct.ts';
import { backupNow, latestBackupDay } from './services/backup.ts';
import { lockDataDir, secureDataDir } from './services/data-dir.ts';
import { ensureOwnerToken, tokenFile } from './services/tokens.ts';
import { sqliteStore } from './store/sqlite/store.ts';
import { sqlitePairedOrigins, sqliteTokenAuthenticator } from './store/sqlite/team.ts';
import type { Store } from './store/store.ts';

export { type AppType, createApp } from './app.ts';
export { openDb } from './db/client.ts';
export type { AppDeps } from './deps.ts';

export const VERSION = '0.1.0';

export interface StartOptions {
  host?: string;
  port?: number;
  dataDir: string;
  token?: string;
  extensionOrigins?: string[];
  clock?: () => Date;
  /** Listening beyond loopback exposes business secrets to the network: it must be asked for. */
  allowRemote?: boolean;
  /** Daily online backups into `<dataDir>/backups`, keeping this many (0 = off). */
  keepBackups?: number;
  /**
   * The start's backup waits this long (default 10 s): it copies the file page by page on the
   * one thread, and taken at once it ran among the first answers after a start (7–18 ms of a
   * cold start on a fresh folder in profiles; a big file copies for longer).
   */
  firstBackupAfterMs?: number;
  /** Wrong tokens tolerated per minute before auth answers 429 for a minute. */
  authFailuresPerMinute?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /** The owner token when known (first start, DOSSIER_TOKEN, or the token file); null if only its hash remains. */
  token: string | null;
  tokenCreated: boolean;
  tokenFile: string;
  dbFile: string;
  deps: AppDeps;
  /** The SQLite connection under the store (tests count its changes). */
  db: Db;
  close(): Promise<void>;
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const host = hostToListenOn(opts.host, opts.allowRemote);
  const clock = opts.clock ?? (() => new Date());
  secureDataDir(opts.dataDir);
  const unlock = lockDataDir(opts.dataDir);
  const dbFile = join(opts.dataDir, 'dossier.sqlite');
  let db: ReturnType<typeof openDb>;
  try {
    db = openDb(dbFile);
    // The database and its WAL may have just been created with the process's umask.
    secureDataDir(opts.dataDir);
  } catch (e) {
    unlock();
    throw e;
  }
  const store = sqliteStore(db);
  const owner = await ensureOwnerToken(store, opts.dataDir, clock(), opts.token);
  const allowedHosts = new Set<string>();
  const deps: AppDeps = {
    store,
    clock,
    authenticate: sqliteTokenAuthenticator(db, opts.token),
    pairedOrigins: sqlitePairedOrigins(db),
    allowedHosts: isLoopback(host) ? allowedHosts : new Set(),
    extensionOrigins: new Set(opts.extensionOrigins ?? []),
    version: VERSION,
    authFailuresPerMinute: opts.authFailuresPerMinute ?? 20,
  };
  const { server, port, url } = await listen(deps, host, opts.port ?? 8787, allowedHosts).catch((e: unknown) => {
    db.$client.close();
    unlock();
    throw e;
  });
  const backups = scheduleDailyBackups(
    deps.store,
    opts.dataDir,
    clock,
    opts.keepBackups ?? 14,
    opts.firstBackupAfterMs ?? 10_000,
  );
  return {
    url,
    port,
    token: owner.token,
    tokenCreated: owner.created,
    tokenFile: tokenFile(opts.dataDir),
    dbFile,
    deps,
    db,
    close: async () => {
      backups.stop();
      await stopListening(server);
      db.$client.close();
      unlock();
    },
  };
}

/** The address to listen on: beyond loopback exposes business secrets to the network, so it must be asked for. */
export function hostToListenOn(host = '127.0.0.1', allowRemote = false): string {
  if (!isLoopback(host) && !allowRemote) {
    throw new Error(`refusing to listen on ${host}: pass --allow-remote to expose customer files beyond this machine`);
  }
  return host;
}

/**
 * The app, with the context lookups' direct path in front, listening on host:port. Once the
 * port is known, `allowedHosts` (the loopback DNS-rebinding guard's list) gets our own Host
 * names and the OpenAPI document the URL the server runs on.
 */
export async function listen(
  deps: AppDeps,
  host: string,
  port: number,
  allowedHosts: Set<string>,
): Promise<{ server: Server; port: number; url: string }> {
  const app = createApp(deps);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = createServer(withDirectLookups(deps, getRequestListener(app.fetch)));
    s.once('error', reject);
    s.listen(port, host, () => resolve(s));
  });
  const actual = (server.address() as AddressInfo).port;
  for (const h of ['127.0.0.1', 'localhost', '[::1]', host]) allowedHosts.add(`${h}:${actual}`);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
  deps.serverUrl = url;
  return { server, port: actual, url };
}

/** How long a closing server lets requests in flight finish before it drops every connection. */
const CLOSE_GRACE_MS = 2_000;

/**
 * Stops `listen`'s server: requests in flight finish, idle keep-alive sockets are closed (they
 * would hold it open), and so, after a moment, is a socket a browser opened ahead of a request
 * it never sent (a preconnect: busy to node until its headers time out, 60–90 s).
 */
export function stopListening(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Checks hourly (and once shortly after start) whether today's backup exists; the first check of a day takes it. */
function scheduleDailyBackups(store: Store, dataDir: string, clock: () => Date, keep: number, firstAfterMs: number) {
  const tick = () => {
    if (keep <= 0) return;
    const today = clock().toISOString().slice(0, 10).replaceAll('-', '');
    if (latestBackupDay(dataDir) === today) return;
    backupNow(store, dataDir, clock(), keep).catch((err: unknown) => console.error('[dossier] backup failed:', err));
  };
  const first = setTimeout(tick, firstAfterMs);
  const hourly = setInterval(tick, 3_600_000);
  first.unref();
  hourly.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(hourly);
    },
  };
}
