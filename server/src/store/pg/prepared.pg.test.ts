import { afterAll, describe, expect, it } from 'vitest';
import { pgDb, pgPool } from '../../db/pg/client.ts';
import { createTestDatabase, pgServer } from '../../db/pg/test-db.ts';
import { pgContext } from './context.ts';
import { useNamedStatements } from './prepared.ts';
import { pgSettings } from './settings.ts';
import { pgTokenAuthenticator } from './team.ts';

/**
 * The hot reads are named statements on the connection that ran them, and unnamed when the
 * process is told its pooler cannot keep them (DOSSIER_PG_NAMED_STATEMENTS=off): then nothing
 * stays on the connection for the next transaction on it to stumble over.
 */

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  useNamedStatements(true);
  for (const c of cleanup.splice(0).reverse()) await c();
});

const MEMBER = { id: 2, name: 'wang', role: 'member' } as const;
const MANAGER = { id: 1, name: 'boss', role: 'manager' } as const;

async function namedAfterHotReads(named: boolean): Promise<string[]> {
  useNamedStatements(named);
  const database = await createTestDatabase();
  // One connection: what the reads left on it is what the next query sees.
  const pool = pgPool(database.url, { max: 1 });
  cleanup.push(async () => {
    await pool.end();
    await database.drop();
  });
  const db = pgDb(pool);
  await pool.query(`insert into customers (name, normalized_name, initials, pinyin, tier, status, region, phones, fax,
      emails, owner, next_call_due, next_visit_due, next_due, created_at, updated_at)
    values ('Northwind', 'northwind', 'nw', 'northwind', 'A', 'active', '[]', '[]', '[]', '[]', 'wang', 'x', 'x', 'x', 'x', 'x')`);
  await pool.query(`insert into customer_keys (customer_id, kind, value, created_at)
    select id, 'domain', 'northwind.example', 'x' from customers`);
  const context = pgContext(db);
  for (const viewer of [MEMBER, MANAGER, MEMBER]) {
    expect((await context.badge('northwind.example', viewer))?.name).toBe('Northwind');
    expect((await context.byKey(['domain', 'email_domain'], 'northwind.example', viewer))?.card?.customer.name).toBe(
      'Northwind',
    );
    expect(await context.byKey(['credit_code'], '91320000000000000X', viewer)).toBeUndefined();
    expect(await context.byPersonEmail('a@example.com', viewer)).toBeUndefined();
  }
  expect(await pgTokenAuthenticator(db)('no-such-token')).toBeNull();
  expect((await pgSettings(db).read()).timeZone).toBe('Asia/Shanghai');
  const { rows } = await pool.query<{ name: string }>('select name from pg_prepared_statements order by name');
  return rows.map((r) => r.name);
}

describe.skipIf(!pgServer)('named statements on PostgreSQL', () => {
  it('prepares each hot read once per connection under its own name', async () => {
    expect(await namedAfterHotReads(true)).toEqual([
      'dossier_badge_manager',
      'dossier_badge_member',
      'dossier_card_by_key_credit_code_manager',
      'dossier_card_by_key_credit_code_member',
      'dossier_card_by_key_domain_email_domain_manager',
      'dossier_card_by_key_domain_email_domain_member',
      'dossier_card_by_person_email_manager',
      'dossier_card_by_person_email_member',
      'dossier_card_contact_points',
      'dossier_card_last_interactions',
      'dossier_card_people',
      'dossier_last_contacts',
      'dossier_settings',
      'dossier_user_by_token',
    ]);
  });

  it('leaves nothing on the connection when named statements are off', async () => {
    expect(await namedAfterHotReads(false)).toEqual([]);
  });
});
