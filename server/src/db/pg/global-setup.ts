import type { TestProject } from 'vitest/node';
import { openPgDb } from './client.ts';
import { findPgBin, type PgTestServer, pgUrl, startPgServer, withAdmin } from './test-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test PostgreSQL, or null when none could be found outside CI (its tests then skip). */
    dossierPg: PgTestServer | null;
  }
}

const TEMPLATE = 'dossier_template';

const inCi = () => !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());

/**
 * vitest globalSetup of the PostgreSQL tests: one server for the run and one migrated template
 * database, which each test file copies (test-db.ts). A project that wants PostgreSQL lists this
 * file in its globalSetup.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const bin = findPgBin();
  if (!bin) {
    const why = 'no PostgreSQL found (no /usr/lib/postgresql/*/bin/initdb, DOSSIER_PG_BIN unset)';
    if (inCi()) throw new Error(`${why}: CI must run the PostgreSQL tests (apt-get install postgresql)`);
    const line = '!'.repeat(100);
    console.warn(
      `\n${line}\n!! SKIPPING THE POSTGRESQL TESTS: ${why}.\n!! Install it (apt-get install postgresql) to run them; in CI this is a failure.\n${line}\n`,
    );
    project.provide('dossierPg', null);
    return undefined;
  }
  const server = await startPgServer(bin);
  try {
    await withAdmin(server, (c) => c.query(`create database ${TEMPLATE}`));
    // The server's own start path (locale check, locked migrations) builds the template. Its pool
    // must be closed before any copy: CREATE DATABASE … TEMPLATE refuses a template in use.
    const db = await openPgDb(pgUrl(server, TEMPLATE), { max: 1 });
    await db.$client.end();
  } catch (e) {
    await server.stop();
    throw e;
  }
  project.provide('dossierPg', { socketDir: server.socketDir, port: server.port, template: TEMPLATE });
  return () => server.stop();
}
