import { defineConfig } from 'drizzle-kit';

// The PostgreSQL engine's migrations (issue #18), beside SQLite's in drizzle.config.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.pg.ts',
  out: './drizzle-pg',
});
