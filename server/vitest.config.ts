import { configDefaults, defineConfig } from 'vitest/config';

// Three projects: the whole suite on SQLite; the tests that need the throwaway PostgreSQL of
// src/db/pg/global-setup.ts (*.pg.test.ts), which skip loudly without PostgreSQL outside CI;
// and the API suite again with every test app on PostgreSQL (src/test-engine.ts).

/** API tests that still read or write the SQLite file itself, so they run on SQLite only. */
const SQLITE_INSIDE = [
  // These two test the SQLite file itself (its online backups; the CLI import/export on a database file): SQLite only.
  'src/services/backup.test.ts',
  'src/services/transfer/cli.test.ts',
];
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'src/**/*.pg.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'pg',
          include: ['src/**/*.pg.test.ts'],
          globalSetup: ['src/db/pg/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'api-pg',
          include: [
            'src/routes/**/*.test.ts',
            'src/middleware/**/*.test.ts',
            'src/services/**/*.test.ts',
            'src/*.test.ts',
          ],
          exclude: [...configDefaults.exclude, 'src/**/*.pg.test.ts', ...SQLITE_INSIDE],
          globalSetup: ['src/db/pg/global-setup.ts'],
          env: { DOSSIER_TEST_ENGINE: 'pg' },
        },
      },
    ],
  },
});
