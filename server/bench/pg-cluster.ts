import { spawn, spawnSync } from 'node:child_process';
import { chownSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { findPgBin, pgUrl, serverUser, stopPostgres, waitForPostgres } from '../src/db/pg/test-server.ts';

/**
 * A PostgreSQL cluster for the benches, in a directory the caller keeps (the loaded data set is
 * cached between runs, see pg-data.ts). Not test-server.ts's startPgServer: that one deletes its
 * cluster on stop and runs with fsync off, and the write row must pay for durability as SQLite's
 * rows do (synchronous = FULL). So two modes:
 * - `bulk` for the one-time load: fsync, synchronous_commit and full_page_writes off (a crash
 *   while loading leaves no cache behind: the directory is renamed into place afterwards);
 * - the measured runs: PostgreSQL 15's defaults (fsync, synchronous_commit and full_page_writes
 *   on, JIT on) except shared_buffers, sized as a dedicated server's (RUN_SETTINGS).
 */

const PORT = 5432; // names the socket file only: nothing listens on TCP

/**
 * The settings of the measured runs, for the report's notes. BENCH_PG_SETTINGS adds more
 * (space-separated name=value, e.g. "random_page_cost=1.1"), to measure what a setting changes.
 */
export const RUN_SETTINGS = [
  'shared_buffers=1GB',
  'max_wal_size=2GB',
  ...(process.env.BENCH_PG_SETTINGS ?? '').split(/\s+/).filter(Boolean),
];
const BULK_SETTINGS = [
  'fsync=off',
  'synchronous_commit=off',
  'full_page_writes=off',
  'maintenance_work_mem=512MB',
  'max_wal_size=8GB',
  'shared_buffers=1GB',
];

export function pgBin(): string {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL not found (no /usr/lib/postgresql/*/bin/initdb; set DOSSIER_PG_BIN)');
  return bin;
}

/** A new cluster in `dir` (created), UTF-8 with a C.UTF-8 ctype as the server demands for Chinese search. */
export function initCluster(dir: string): void {
  const user = serverUser();
  mkdirSync(dir, { recursive: true });
  if (user) chownSync(dir, user.uid, user.gid);
  const init = spawnSync(
    join(pgBin(), 'initdb'),
    ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--locale=C.UTF-8', '--encoding=UTF8', '--no-sync'],
    { ...user, encoding: 'utf8', cwd: dir },
  );
  if (init.status !== 0) throw new Error(`initdb failed (${init.status ?? init.signal}): ${init.stderr}`);
}

export interface Cluster {
  dir: string;
  url(database: string): string;
  stop(): Promise<void>;
}

/** Starts the cluster in `dir` on a Unix socket there; resolves once it accepts connections. */
export async function startCluster(dir: string, mode: 'bulk' | 'run'): Promise<Cluster> {
  const user = serverUser();
  const logFile = join(dir, 'postgres.log');
  const log = openSync(logFile, 'a');
  const settings = mode === 'bulk' ? BULK_SETTINGS : RUN_SETTINGS;
  const child = spawn(
    join(pgBin(), 'postgres'),
    [
      '-D',
      join(dir, 'data'),
      '-k',
      dir,
      '-p',
      String(PORT),
      '-c',
      'listen_addresses=',
      ...settings.flatMap((s) => ['-c', s]),
    ],
    { ...user, cwd: dir, stdio: ['ignore', log, log] },
  );
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A bench that dies must not leave a postmaster holding the cached directory.
  const orphan = () => child.kill('SIGQUIT');
  process.once('exit', orphan);
  const server = { socketDir: dir, port: PORT };
  const cluster: Cluster = {
    dir,
    url: (database) => pgUrl(server, database),
    stop: async () => {
      process.off('exit', orphan);
      await stopPostgres(child, exited, 60_000);
    },
  };
  try {
    await waitForPostgres(cluster.url('postgres'), child, logFile, 60);
  } catch (e) {
    await cluster.stop();
    throw e;
  }
  return cluster;
}
