import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sourceFingerprint, stampBuild, upToDate } from '../scripts/build-stamp.mjs';
import { openDb } from './db/client.ts';
import { seedDemo } from './demo/seed.ts';
import { readEnv } from './env.ts';
import { startServer } from './index.ts';
import { backupNow, listBackups } from './services/backup.ts';
import { rotateOwnerToken } from './services/tokens.ts';
import { cliExport, cliImport } from './services/transfer/cli.ts';
import { stopParseWorker } from './services/transfer/parse-pool.ts';
import { addUser, findUserByName, listUsers, revokeUser, rotateUserToken } from './services/users.ts';
import { SYSTEM } from './services/visibility.ts';
import { restore } from './store/sqlite/backups.ts';
import { sqliteStore } from './store/sqlite/store.ts';
import type { Store } from './store/store.ts';

// server/src/cli.ts, or server/dist/cli.mjs once bundled: the repository is two folders up either way.
const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const extensionDir = join(repoRoot, 'extension');

const IMPORT_USAGE = 'dossier import <file> [--sheet S] [--header-row N] [--map col=field,…] [--own-files] [--dry-run]';

const USAGE = `dossier <command> [options]
  start [--demo] [--no-build] [--host H] [--port P] [--data-dir D] [--allow-remote]
        migrate, start the API, build the extension, print URL, token and the folder to load
  serve --database postgres://… [--host H] [--port P] [--allow-remote]
        a team server: the same API on PostgreSQL (checked for Chinese search, migrated under a lock)
  migrate [--data-dir D | --database URL]  apply migrations and exit
  demo [--data-dir D]           fill an empty database with the demo customers and exit
  token rotate [--data-dir D]   issue a new owner token (the old one stops working)
  user add <name> [--role member|manager] | user revoke <name> | user token <name> | user list
                                team members and their tokens (a token is shown once)
  backup [--data-dir D]         online backup into <data dir>/backups (verified with integrity_check)
  restore <file> [--data-dir D] replace the database with a backup (stop the server first)
  ${IMPORT_USAGE.slice('dossier '.length)}
                                customers from CSV, XLSX or vCard (Google, Outlook, phones, your own
                                sheets), as the dashboard's import; --sheet and --header-row say where
                                the table is; --map sets columns (header, number or letter = field, or
                                - to ignore); --own-files gives each person without a company a file of
                                their own; --dry-run only says what it would do
  export --format csv|xlsx|vcf|json [--out file] [--entity E] [--lang zh|en] [--version 3.0|4.0] [--private]
                                everything out, as the API's export (--out - writes to stdout);
                                people's private notes only with --private (the json backup keeps all)
  push --to postgres://… --as <name> [--data-dir D]
                                copy this local file into a team database as that member's files
                                (new ids; run again, it copies only what is new)
user, import, export and demo work on the team database with --database URL.
Environment: DOSSIER_HOST, DOSSIER_PORT, DOSSIER_DATA_DIR, DOSSIER_TOKEN, DOSSIER_DATABASE_URL (flags win).`;

/** A database URL as it may be printed: its password left out. */
function shown(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the PostgreSQL database';
  }
}

/**
 * The PostgreSQL side, loaded only when a command works on a team database: a local start
 * does not parse pg and the team server (about 10 ms of a 360 ms cold start, measured).
 */
async function pgParts(env: ReturnType<typeof readEnv>) {
  const [{ openPgDb }, { pgStore }, { useNamedStatements }] = await Promise.all([
    import('./db/pg/client.ts'),
    import('./store/pg/store.ts'),
    import('./store/pg/prepared.ts'),
  ]);
  useNamedStatements(env.pgNamedStatements);
  return { openPgDb, pgStore };
}

/** What a command works on: the team database when one is named, else the local file. */
async function openStore(
  env: ReturnType<typeof readEnv>,
  dbFile: string,
): Promise<{ store: Store; where: string; close(): Promise<void> }> {
  const databaseUrl = env.databaseUrl;
  if (databaseUrl) {
    const { openPgDb, pgStore } = await pgParts(env);
    const db = await openPgDb(databaseUrl);
    return { store: pgStore(db), where: shown(databaseUrl), close: () => db.$client.end() };
  }
  const db = openDb(dbFile);
  return { store: sqliteStore(db), where: dbFile, close: async () => void db.$client.close() };
}

/** Commands that act on the local file itself; a team database has PostgreSQL's own tools for them. */
const LOCAL_ONLY: Record<string, string> = {
  backup: 'back a team database up with pg_dump or base backups with WAL archiving (README, Team server)',
  restore: 'restore a team database with pg_restore; to move a local file in, use dossier push',
  token: 'a team owner gets a new token with: dossier user token owner --database …',
};

/** Builds the extension only when its sources (or the shared package) changed since the last build. */
function buildExtension(): string | null {
  if (!existsSync(join(extensionDir, 'package.json'))) return null;
  const out = join(extensionDir, '.output', 'chrome-mv3');
  const fingerprint = sourceFingerprint([extensionDir, join(repoRoot, 'shared')], repoRoot);
  if (upToDate(out, fingerprint, 'manifest.json')) {
    console.log('The extension is up to date (sources unchanged since the last build).');
    return out;
  }
  console.log('Building the extension…');
  const r = spawnSync('pnpm', ['--filter', '@dossier/extension', 'run', 'build:chrome'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.warn('! The extension did not build; the API runs anyway. Try: pnpm --filter @dossier/extension build');
    return null;
  }
  stampBuild(out, fingerprint);
  return out;
}

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      database: { type: 'string' },
      to: { type: 'string' },
      as: { type: 'string' },
      'allow-remote': { type: 'boolean', default: false },
      role: { type: 'string', default: 'member' },
      map: { type: 'string' },
      sheet: { type: 'string' },
      'header-row': { type: 'string' },
      'own-files': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      format: { type: 'string' },
      out: { type: 'string' },
      entity: { type: 'string' },
      lang: { type: 'string' },
      version: { type: 'string' },
      private: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const env = readEnv({
    ...process.env,
    ...(values.host ? { DOSSIER_HOST: values.host } : {}),
    ...(values.port ? { DOSSIER_PORT: values.port } : {}),
    ...(values['data-dir'] ? { DOSSIER_DATA_DIR: values['data-dir'] } : {}),
    ...(values.database ? { DOSSIER_DATABASE_URL: values.database } : {}),
  });
  const [command = 'start', sub] = positionals;
  if (values.help) return console.log(USAGE);
  const dbFile = join(env.dataDir, 'dossier.sqlite');

  const team = env.databaseUrl;
  if (team && LOCAL_ONLY[command]) throw new Error(`${command} works on the local file; ${LOCAL_ONLY[command]}`);

  switch (command) {
    case 'migrate': {
      const { where, close } = await openStore(env, dbFile);
      await close();
      return console.log(`Migrated ${where}`);
    }
    case 'demo': {
      const { store, where, close } = await openStore(env, dbFile);
      const n = await seedDemo(store, new Date());
      await close();
      return console.log(
        n ? `Added ${n} demo customers to ${where}` : `${where} already has customers; demo data not added`,
      );
    }
    case 'backup': {
      const db = openDb(dbFile);
      const file = await backupNow(sqliteStore(db), env.dataDir, new Date());
      db.$client.close();
      return console.log(`Backup written and verified: ${file}`);
    }
    case 'restore': {
      if (!sub) {
        const list = listBackups(env.dataDir);
        throw new Error(
          `usage: dossier restore <file>; backups:\n${list.map((b) => `  ${b.file}`).join('\n') || '  (none)'}`,
        );
      }
      const r = restore(env.dataDir, resolve(process.env.INIT_CWD ?? process.cwd(), sub), new Date());
      return console.log(
        `Restored ${r.restored} (integrity_check ok).${r.previous ? ` The previous database is kept at ${r.previous}` : ''}`,
      );
    }
    case 'import': {
      if (!sub) throw new Error(`usage: ${IMPORT_USAGE}`);
      const headerRow = values['header-row'] === undefined ? undefined : Number(values['header-row']);
      if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow > 0))
        throw new Error('--header-row is the number of the header row as the sheet numbers it (1 = the first)');
      const path = resolve(process.env.INIT_CWD ?? process.cwd(), sub);
      const { store, close } = await openStore(env, dbFile);
      try {
        const lines = await cliImport(store, {
          file: { bytes: readFileSync(path), filename: basename(path) },
          ...(values.map ? { map: values.map } : {}),
          ...(values.sheet ? { sheet: values.sheet } : {}),
          ...(headerRow ? { headerRow } : {}),
          ownFiles: values['own-files'],
          dryRun: values['dry-run'],
        });
        return console.log(lines.join('\n'));
      } finally {
        await stopParseWorker();
        await close();
      }
    }
    case 'export': {
      const format = values.format;
      if (format !== 'csv' && format !== 'xlsx' && format !== 'vcf' && format !== 'json')
        throw new Error('usage: dossier export --format csv|xlsx|vcf|json [--out file]');
      const entity = values.entity ?? 'customers';
      if (!['customers', 'people', 'keys', 'interactions'].includes(entity))
        throw new Error('--entity is customers, people, keys or interactions');
      if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en')
        throw new Error('--lang is zh or en');
      if (values.version !== undefined && values.version !== '3.0' && values.version !== '4.0')
        throw new Error('--version is 3.0 or 4.0');
      const { store, close } = await openStore(env, dbFile);
      try {
        const { body, name } = await cliExport(store, {
          format,
          entity: entity as 'customers',
          ...(values.lang ? { lang: values.lang } : {}),
          ...(values.version ? { version: values.version } : {}),
          privateNotes: values.private,
        });
        if (values.out === '-') return void process.stdout.write(body);
        const path = resolve(process.env.INIT_CWD ?? process.cwd(), values.out ?? name);
        writeFileSync(path, body);
        return console.log(`Exported ${body.length} bytes to ${path}`);
      } finally {
        await close();
      }
    }
    case 'user': {
      const { store, close } = await openStore(env, dbFile);
      try {
        const name = positionals[2];
        if (sub === 'list') return console.table(await listUsers(store));
        if (!name || !['add', 'revoke', 'token'].includes(sub ?? ''))
          throw new Error('usage: dossier user add|revoke|token <name>');
        if (sub === 'add') {
          if (values.role !== 'member' && values.role !== 'manager') throw new Error('--role is member or manager');
          const { token } = await addUser(store, name, values.role, new Date());
          return console.log(`Added ${name} (${values.role}). Token, shown once: ${token}`);
        }
        const user = await findUserByName(store, name);
        if (!user) throw new Error(`no user ${name}`);
        if (sub === 'token')
          return console.log(`New token for ${name}: ${(await rotateUserToken(store, user.id)).token}`);
        await revokeUser(store, user.id, new Date(), SYSTEM);
        return console.log(`Revoked ${name}; their token no longer works.`);
      } finally {
        await close();
      }
    }
    case 'push': {
      if (!values.to || !values.as) throw new Error('usage: dossier push --to postgres://… --as <member name>');
      const { openPgDb, pgStore } = await pgParts(env);
      const { describePush, pushToTeam } = await import('./services/transfer/push.ts');
      const local = openDb(dbFile);
      const teamDb = await openPgDb(values.to);
      try {
        const report = await pushToTeam(sqliteStore(local), pgStore(teamDb), { name: values.as }, new Date());
        return console.log(describePush(report).join('\n'));
      } finally {
        local.$client.close();
        await teamDb.$client.end();
      }
    }
    case 'token': {
      if (sub !== 'rotate') throw new Error('usage: dossier token rotate');
      const db = openDb(dbFile);
      const token = await rotateOwnerToken(sqliteStore(db), env.dataDir, new Date());
      db.$client.close();
      return console.log(`New token (the old one no longer works): ${token}`);
    }
    case 'serve':
    case 'start': {
      if (team) return serveTeam(team, env, values['allow-remote'], command === 'start' && !values['no-build']);
      if (command === 'serve')
        throw new Error('usage: dossier serve --database postgres://… (or DOSSIER_DATABASE_URL)');
      // Files and folders this process makes (backups, the token, the lock) are the owner's alone.
      process.umask(0o077);
      if (values.demo) {
        const db = openDb(dbFile);
        const n = await seedDemo(sqliteStore(db), new Date());
        db.$client.close();
        console.log(n ? `Demo: added ${n} customers.` : 'Demo: database already has customers; left as it is.');
      }
      const folder = values['no-build'] ? null : buildExtension();
      const server = await startServer({
        host: env.host,
        port: env.port,
        dataDir: env.dataDir,
        ...(env.token ? { token: env.token } : {}),
        extensionOrigins: env.extensionOrigins,
        allowRemote: values['allow-remote'],
      });
      if (values['allow-remote'])
        console.warn(`! Listening on ${env.host}: customer files are reachable from the network.`);
      console.log(`
Dossier API  ${server.url}   (database ${server.dbFile})
Token        ${tokenLine(server, Boolean(env.token))}
Extension    ${folder ?? '(not built)'}
             chrome://extensions → Developer mode → Load unpacked → that folder; then the
             extension's options: Server URL ${server.url}, the token above.
`);
      return closeOnSignals(server);
    }
    default:
      console.error(USAGE);
      process.exit(2);
  }
}

/** A team server on PostgreSQL until SIGINT/SIGTERM; `start` builds the extension too. */
async function serveTeam(url: string, env: ReturnType<typeof readEnv>, allowRemote: boolean, build: boolean) {
  await pgParts(env);
  const { startTeamServer } = await import('./team-server.ts');
  const folder = build ? buildExtension() : null;
  const server = await startTeamServer({
    databaseUrl: url,
    host: env.host,
    port: env.port,
    ...(env.token ? { token: env.token } : {}),
    extensionOrigins: env.extensionOrigins,
    allowRemote,
  });
  if (allowRemote)
    console.warn(
      `! Listening on ${env.host} in plain HTTP: customer files cross the network. Put a TLS reverse proxy (Caddy, nginx) in front and let only it reach this port (README, Team server).`,
    );
  const owner = server.ownerToken
    ? `${server.ownerToken}   ← the owner's, new: shown once (dossier user token owner issues another)`
    : env.token
      ? 'the one in DOSSIER_TOKEN'
      : 'members use their own (dossier user add <name> --database …)';
  console.log(`
Dossier team server  ${server.url}   (database ${shown(url)})
Token                ${owner}${folder ? `\nExtension            ${folder}` : ''}
`);
  closeOnSignals(server);
}

/** Ctrl-C or a service manager's stop: requests in flight finish, then the process ends. */
function closeOnSignals(server: { close(): Promise<void> }): void {
  const stop = async (signal: string) => {
    console.log(`\n${signal}: finishing requests in flight…`);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** The token itself only when it was just made; afterwards where it is kept (it is a secret). */
function tokenLine(server: { token: string | null; tokenCreated: boolean; tokenFile: string }, fromEnv: boolean) {
  if (server.tokenCreated) return `${server.token}   ← new: shown once, also saved to ${server.tokenFile}`;
  if (fromEnv) return 'the one in DOSSIER_TOKEN';
  if (server.token) return `in ${server.tokenFile} (pnpm dossier token rotate issues a new one)`;
  return '(stored hashed only; run: pnpm dossier token rotate)';
}

// `pnpm start -- --demo` hands the script a literal `--`; flags after it are still flags here.
main(process.argv.slice(2).filter((a) => a !== '--')).catch((err: unknown) => {
  console.error(`dossier: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
