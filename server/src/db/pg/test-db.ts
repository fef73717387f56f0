import { inject } from 'vitest';
import { type PgTestServer, pgUrl, withAdmin } from './test-server.ts';

/** The test PostgreSQL that global-setup.ts started, or null: then `describe.skipIf(!pgServer)`. */
export const pgServer: PgTestServer | null = inject('dossierPg');

let made = 0;

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of this test file's own: by default a copy of the migrated template (a tenth of a
 * second), `{ template: 'template0' }` for an empty one. `ctype` sets LC_CTYPE (template0 only).
 */
export async function createTestDatabase(options: { template?: string; ctype?: string } = {}): Promise<TestDatabase> {
  const server = pgServer;
  if (!server) throw new Error('no test PostgreSQL: guard the tests with describe.skipIf(!pgServer)');
  const name = `t_${process.pid}_${++made}`;
  const template = options.template ?? server.template;
  const ctype = options.ctype ? ` lc_ctype '${options.ctype.replaceAll("'", "''")}'` : '';
  await withAdmin(server, (c) => c.query(`create database ${name} template ${template}${ctype}`));
  return {
    name,
    url: pgUrl(server, name),
    // WITH (FORCE) ends sessions a failed test left open.
    drop: () => withAdmin(server, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}
