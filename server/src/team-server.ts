import type { Server } from 'node:http';
import { openPgDb } from './db/pg/client.ts';
import type { AppDeps } from './deps.ts';
import { isLoopback } from './env.ts';
import { hostToListenOn, listen, stopListening, VERSION } from './index.ts';
import { ensureTeamOwner } from './services/tokens.ts';
import { pgStore } from './store/pg/store.ts';
import { pgPairedOrigins, pgTokenAuthenticator } from './store/pg/team.ts';

export interface TeamServerOptions {
  /** postgres://… of a database whose character type handles Chinese (checked at start). */
  databaseUrl: string;
  host?: string;
  port?: number;
  token?: string;
  extensionOrigins?: string[];
  clock?: () => Date;
  /** Listening beyond loopback exposes business secrets to the network: it must be asked for. */
  allowRemote?: boolean;
  authFailuresPerMinute?: number;
}

export interface RunningTeamServer {
  url: string;
  port: number;
  /** The owner's token when this start created it (shown once), else null. */
  ownerToken: string | null;
  deps: AppDeps;
  close(): Promise<void>;
}

/**
 * The same API for a whole department, on PostgreSQL: the database is checked (it must search
 * Chinese) and migrated under an advisory lock, so several app processes may start together;
 * nothing is kept per connection (PgBouncer in transaction mode works), and no backups are
 * scheduled here — PostgreSQL's own (pg_dump, base backups with WAL archiving) are the team's.
 */
export async function startTeamServer(opts: TeamServerOptions): Promise<RunningTeamServer> {
  const host = hostToListenOn(opts.host, opts.allowRemote);
  const clock = opts.clock ?? (() => new Date());
  const db = await openPgDb(opts.databaseUrl);
  let server: Server;
  const allowedHosts = new Set<string>();
  const deps: AppDeps = {
    store: pgStore(db),
    clock,
    authenticate: pgTokenAuthenticator(db, opts.token),
    pairedOrigins: pgPairedOrigins(db),
    // On loopback, only our own Host names (DNS rebinding); behind a proxy, the names it forwards.
    allowedHosts: isLoopback(host) ? allowedHosts : new Set(),
    extensionOrigins: new Set(opts.extensionOrigins ?? []),
    version: VERSION,
    authFailuresPerMinute: opts.authFailuresPerMinute ?? 20,
  };
  try {
    const owner = await ensureTeamOwner(deps.store, clock(), opts.token);
    const listening = await listen(deps, host, opts.port ?? 8787, allowedHosts);
    server = listening.server;
    const { port, url } = listening;
    return {
      url,
      port,
      ownerToken: owner.created ? owner.token : null,
      deps,
      close: async () => {
        await stopListening(server);
        await db.$client.end().catch(() => {});
      },
    };
  } catch (e) {
    await db.$client.end();
    throw e;
  }
}
