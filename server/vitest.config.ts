import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: the SQLite suite, and the tests that need the throwaway PostgreSQL of
// src/db/pg/global-setup.ts (*.pg.test.ts), which skip loudly without PostgreSQL outside CI.
// Running the API suite on both engines (#18) adds that globalSetup to a project of its own.
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
    ],
  },
});
