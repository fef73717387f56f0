import { DEFAULT_SETTINGS, InteractionCreate } from '@dossier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { pgDb, pgPool } from '../../db/pg/client.ts';
import { createTestDatabase, pgServer } from '../../db/pg/test-db.ts';
import { logInteraction } from '../../services/interactions.ts';
import { pgContext } from './context.ts';
import { useNamedStatements } from './prepared.ts';
import { pgSettings } from './settings.ts';
import { pgStore } from './store.ts';
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

async function oneConnection() {
  const database = await createTestDatabase();
  // One connection: what the reads left on it is what the next query sees.
  const pool = pgPool(database.url, { max: 1 });
  cleanup.push(async () => {
    await pool.end();
    await database.drop();
  });
  await pool.query(
    `insert into customers (name, normalized_name, initials, pinyin, tier, status, region, phones, fax,
      emails, owner, next_call_due, next_visit_due, next_due, created_at, updated_at)
    values ('Northwind', 'northwind', 'nw', 'northwind', 'A', 'active', '[]', '[]', '[]', '[]', 'wang', $1, $1, $1, $1, $1)`,
    ['2026-08-01T00:00:00.000Z'],
  );
  await pool.query(`insert into customer_keys (customer_id, kind, value, created_at)
    select id, 'domain', 'northwind.example', 'x' from customers`);
  return { pool, db: pgDb(pool) };
}

const namedOn = async (pool: { query: (q: string) => Promise<{ rows: { name: string }[] }> }) =>
  (await pool.query('select name from pg_prepared_statements order by name')).rows.map((r) => r.name);

async function namedAfterHotReads(named: boolean): Promise<string[]> {
  useNamedStatements(named);
  const { pool, db } = await oneConnection();
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
  return namedOn(pool);
}

/** Two calls logged, each in its own transaction on the one connection: one fixes an appointment. */
async function namedAfterLoggedCalls(named: boolean): Promise<string[]> {
  useNamedStatements(named);
  const { pool, db } = await oneConnection();
  const store = pgStore(db);
  const customerId = (await pool.query<{ id: number }>('select id from customers')).rows[0]?.id as number;
  const at = new Date('2026-09-01T02:00:00.000Z');
  for (const [i, appointment] of [undefined, '2026-09-08T02:00:00.000Z'].entries()) {
    const input = InteractionCreate.parse({
      customerId,
      kind: 'call',
      idempotencyKey: `named-${i}-0123456789`,
      appointment,
    });
    const { interaction } = await logInteraction(store, input, at, DEFAULT_SETTINGS, MANAGER);
    expect(interaction.customerId).toBe(customerId);
  }
  // The due dates moved as the calls say: built once per connection, the statements still read each call.
  const due = await pool.query<{ appointment_at: string | null }>('select appointment_at from customers');
  expect(due.rows[0]?.appointment_at).toBe('2026-09-08T02:00:00.000Z');
  return namedOn(pool);
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
    expect(await namedAfterLoggedCalls(false)).toEqual([]);
  });

  it('sends a logged call as named statements, across its transactions on one connection', async () => {
    const named = await namedAfterLoggedCalls(true);
    expect(named).toEqual(
      expect.arrayContaining([
        'dossier_due_current_locked',
        'dossier_due_history',
        'dossier_interaction_by_key',
        'dossier_interaction_customer_manager',
        'dossier_interaction_insert',
        'dossier_replay_seen',
      ]),
    );
    // Its key's record is written with its row: no replays row.
    expect(named).not.toContain('dossier_replay_record');
  });
});
