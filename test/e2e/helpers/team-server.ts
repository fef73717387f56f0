import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { generate } from 'selfsigned';
import {
  findPgBin,
  pgUrl,
  type RunningPgServer,
  startPgServer,
  withAdmin,
} from '../../../server/src/db/pg/test-server.ts';
import { addUser } from '../../../server/src/services/users.ts';
import { type RunningTeamServer, startTeamServer } from '../../../server/src/team-server.ts';
import type { ExtensionBrowser } from './browser.ts';

/** The team server's name as the department's reverse proxy publishes it (README, "Team server"). */
export const TEAM_HOST = 'dossier.example-corp.internal';
export const TEAM_URL = `https://${TEAM_HOST}`;
/** The one origin the options page may ask for: hostPermissionFor(TEAM_URL) in extension/src/options/setup.ts. */
export const TEAM_ORIGIN = `${TEAM_URL}/*`;

const inCi = () => !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());

/**
 * Where PostgreSQL's binaries are, and what to do without them: the rule of the API suite
 * (server/src/db/pg/global-setup.ts) — outside CI a missing PostgreSQL skips loudly (`skip`), in
 * CI it fails (`missing`, thrown by the spec's beforeAll so only its own tests fail).
 */
export function pgForE2e(): { bin: string | null; skip: string | null; missing: string | null } {
  const bin = findPgBin();
  if (bin) return { bin, skip: null, missing: null };
  const why = 'no PostgreSQL found (no /usr/lib/postgresql/*/bin/initdb, DOSSIER_PG_BIN unset)';
  if (inCi())
    return { bin, skip: null, missing: `${why}: CI must run the team server e2e (apt-get install postgresql)` };
  const line = '!'.repeat(100);
  console.warn(
    `\n${line}\n!! SKIPPING THE TEAM SERVER E2E: ${why}.\n!! Install it (apt-get install postgresql) to run it; in CI this is a failure.\n${line}\n`,
  );
  return { bin, skip: why, missing: null };
}

/** The little of node-postgres the checks use (the server's driver, resolved from its package). */
interface PgClient {
  connect(): Promise<void>;
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}
const { Client } = createRequire(new URL('../../../server/package.json', import.meta.url))('pg') as {
  Client: new (o: { connectionString: string }) => PgClient;
};

export interface Member {
  name: string;
  token: string;
}

/**
 * A team server as a department runs it: PostgreSQL (a throwaway cluster of its own), the app on
 * 127.0.0.1, and an https front at TEAM_HOST in the reverse proxy's place, which forwards with the
 * upstream's Host as the README's Caddy/nginx snippets do (the app answers only its own Host names).
 */
export class TeamServer {
  private constructor(
    private readonly pg: RunningPgServer,
    readonly databaseUrl: string,
    readonly app: RunningTeamServer,
    private readonly front: Server,
    readonly frontPort: number,
    readonly members: { a: Member; b: Member },
    /** Every request the https front forwarded, as `METHOD /path`: what the browser sent by the team name. */
    readonly served: string[],
  ) {}

  static async start(bin: string): Promise<TeamServer> {
    const pg = await startPgServer(bin);
    let app: RunningTeamServer | null = null;
    try {
      // The cluster's default locale is C.UTF-8, which the server's locale check accepts.
      await withAdmin(pg, (c) => c.query('create database dossier_team'));
      const databaseUrl = pgUrl(pg, 'dossier_team');
      app = await startTeamServer({ databaseUrl, port: 0 });
      const now = new Date();
      const a = await addUser(app.deps.store, 'wang', 'member', now);
      const b = await addUser(app.deps.store, 'li', 'member', now);
      const members = { a: { name: 'wang', token: a.token }, b: { name: 'li', token: b.token } };
      const served: string[] = [];
      const { front, port } = await startFront(app.port, served);
      return new TeamServer(pg, databaseUrl, app, front, port, members, served);
    } catch (e) {
      await app?.close();
      await pg.stop();
      throw e;
    }
  }

  /** Straight to the app on loopback with a member's token, as a script of that member would. */
  async call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.app.url + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** Reads the team database itself: what "reached the team database" means. */
  async sql<R>(query: string, params: unknown[] = []): Promise<R[]> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query<R>(query, params)).rows;
    } finally {
      await client.end();
    }
  }

  /**
   * Chromium flags: the team name to the https front, every other name to the fixture sites, the
   * loopback names left alone. The first MAP that matches a name wins.
   */
  chromiumArgs(sitesPort: number): string[] {
    return [
      `--host-resolver-rules=MAP ${TEAM_HOST} 127.0.0.1:${this.frontPort}, MAP * 127.0.0.1:${sitesPort}, EXCLUDE localhost, EXCLUDE 127.0.0.1`,
      '--ignore-certificate-errors',
    ];
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.front.close(() => resolve());
      this.front.closeAllConnections();
    });
    await this.app.close();
    await this.pg.stop();
  }
}

/** The reverse proxy's part: TLS with a throw-away certificate, the request passed on to the app. */
async function startFront(appPort: number, served: string[]): Promise<{ front: Server; port: number }> {
  const pems = await generate([{ name: 'commonName', value: TEAM_HOST }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 2 * 86_400_000),
  });
  const front = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    served.push(`${req.method} ${new URL(req.url ?? '/', TEAM_URL).pathname}`);
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: appPort,
        method: req.method,
        path: req.url,
        // The upstream's Host, as Caddy's `header_up Host {upstream_hostport}` sends it.
        headers: { ...req.headers, host: `127.0.0.1:${appPort}` },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  return { front, port: (front.address() as AddressInfo).port };
}

/** The permissions API as the tests call it inside the browser (the test package has no @types/chrome). */
interface PermissionsApi {
  permissions: {
    request(p: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
    contains(p: { origins?: string[] }): Promise<boolean>;
    getAll(): Promise<{ origins?: string[]; permissions?: string[] }>;
  };
}

/** What the extension holds: its host origins, sorted. */
export async function heldOrigins(ext: ExtensionBrowser): Promise<string[]> {
  const all = await ext.worker.evaluate(() =>
    (globalThis as unknown as { chrome: PermissionsApi }).chrome.permissions.getAll(),
  );
  return [...(all.origins ?? [])].sort();
}

/**
 * Gives the extension access to one site the way a user can without the extension asking:
 * chrome://extensions → Dossier → Site access, add a site. The page does it through
 * chrome.developerPrivate.addHostPermission, called here on that page. Chromium records the
 * origin as granted at runtime for this profile only; a later permissions.request for it is then
 * answered "granted" without a prompt (nothing new to ask), which a headless browser could not
 * show to anyone.
 */
export async function allowSiteInExtensionsPage(ext: ExtensionBrowser, origin: string): Promise<void> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${ext.extensionId}`);
    await page.evaluate(
      ([id, o]) =>
        (
          globalThis as unknown as {
            chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
          }
        ).chrome.developerPrivate.addHostPermission(id, o),
      [ext.extensionId, origin] as const,
    );
  } finally {
    await page.close();
  }
}

/**
 * Records, on an options page, every chrome.permissions.request the page makes and how the
 * browser answered, passing each on to the real one (which still needs the click's user gesture:
 * the wrapper calls it in the same task).
 */
export async function recordPermissionRequests(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as {
      chrome: PermissionsApi;
      __asked: unknown[];
      __answers: unknown[];
    };
    w.__asked = [];
    w.__answers = [];
    const api = w.chrome.permissions;
    const real = api.request.bind(api);
    api.request = (p) => {
      w.__asked.push(JSON.parse(JSON.stringify(p)));
      const answer = real(p);
      answer.then(
        (v) => w.__answers.push(v),
        (e: unknown) => w.__answers.push(`error: ${String(e)}`),
      );
      return answer;
    };
  });
}

export const permissionRequests = (page: Page) =>
  page.evaluate(() => {
    const w = globalThis as unknown as { __asked: unknown[]; __answers: unknown[] };
    return { asked: w.__asked, answers: w.__answers };
  });
