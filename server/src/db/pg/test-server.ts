import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL for tests (issue #18): Debian's binaries, a cluster in a temp dir, a
 * Unix socket only. No Docker and no system cluster: the tests own the server's whole life.
 */

/** Where tests reach a running test server; serialisable, so vitest can provide() it. */
export interface PgTestServer {
  socketDir: string;
  port: number;
  /** The migrated database each test file copies. */
  template: string;
}

/**
 * The newest /usr/lib/postgresql/<version>/bin holding initdb, or DOSSIER_PG_BIN. Debian puts no
 * initdb on PATH (only psql's wrapper), so PATH is not searched.
 */
export function findPgBin(): string | null {
  const own = process.env.DOSSIER_PG_BIN;
  if (own) return existsSync(join(own, 'initdb')) ? own : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** initdb and postgres refuse to run as root: as root, the server runs as the postgres user. */
export function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('running as root, and there is no postgres user to run PostgreSQL as (initdb refuses root)');
  }
}

export function pgUrl(server: Pick<PgTestServer, 'socketDir' | 'port'>, database: string): string {
  // A path as host is a Unix socket to pg; "localhost" only keeps the URL well-formed.
  return `postgresql://postgres@localhost:${server.port}/${database}?host=${encodeURIComponent(server.socketDir)}`;
}

export interface RunningPgServer extends Omit<PgTestServer, 'template'> {
  dir: string;
  stop(): Promise<void>;
}

const PORT = 5432; // Names the socket file only: nothing listens on TCP, so it clashes with nothing.

export async function startPgServer(bin: string): Promise<RunningPgServer> {
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'dossier-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const init = spawnSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '--locale=C.UTF-8', '--encoding=UTF8', '--no-sync'],
    { ...user, encoding: 'utf8', cwd: dir },
  );
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status ?? init.signal}): ${init.stderr || init.error?.message}`);
  }
  const logFile = join(dir, 'postgres.log');
  const log = openSync(logFile, 'a');
  // Durability is worth nothing in a cluster deleted after the run.
  const child = spawn(
    join(bin, 'postgres'),
    [
      ...['-D', data, '-k', dir, '-p', String(PORT), '-c', 'listen_addresses='],
      ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    ],
    { ...user, cwd: dir, stdio: ['ignore', log, log] },
  );
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: RunningPgServer = {
    dir,
    socketDir: dir,
    port: PORT,
    stop: () => stopPostgres(child, exited).then(() => rmSync(dir, { recursive: true, force: true })),
  };
  try {
    await waitForPostgres(pgUrl(server, 'postgres'), child, logFile);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return server;
}

/** Waits until the postgres just spawned accepts connections at `url`, or says why it exited. */
export async function waitForPostgres(url: string, child: ChildProcess, logFile: string, seconds = 30): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`postgres exited while starting:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    }
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (e) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections in ${seconds} s: ${String(e)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * SIGINT is PostgreSQL's fast shutdown: it ends open sessions (a test file's pool left open must
 * not hang the run, as SIGTERM's smart shutdown would) and writes a checkpoint. SIGQUIT if even
 * that stalls.
 */
export async function stopPostgres(child: ChildProcess, exited: Promise<void>, patienceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGQUIT'), patienceMs);
  await exited;
  clearTimeout(timer);
}

/** Runs `work` on one connection to `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs `work` on a connection to the server's maintenance database, closed afterwards. */
export function withAdmin<T>(
  server: Pick<PgTestServer, 'socketDir' | 'port'>,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  return withClient(pgUrl(server, 'postgres'), work);
}
