import { afterAll, describe, expect, it } from 'vitest';
import { pgPool } from './client.ts';
import { createTestDatabase, pgServer } from './test-db.ts';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe.skipIf(!pgServer)('the pool of a team server', () => {
  it('lives on when PostgreSQL ends a connection in the middle of a transaction', async () => {
    const db = await createTestDatabase();
    cleanup.push(db.drop);
    const pool = pgPool(db.url, { max: 2 });
    cleanup.push(() => pool.end());
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    await client.query('begin');
    // Another connection ends this one, as a server restart or an admin would.
    await pool.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
    // Its notice reaches the connection while no query of it runs: then it is only an 'error' event.
    await new Promise((r) => setTimeout(r, 200));
    await expect(client.query('select 1')).rejects.toThrow();
    client.release(true);
    // An unhandled 'error' from the broken connection would have ended the process (and this run).
    expect((await pool.query<{ one: number }>('select 1 as one')).rows[0]?.one).toBe(1);
  });
});
