import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { captures, commitments, customerKeys, customers, interactions } from '../../db/schema.pg.ts';
import type { KeyedTable, PushStore } from '../push.ts';
import { TABLES } from './backups.ts';
import type { PgExecutor } from './executor.ts';

const KEYED: Record<KeyedTable, { table: PgTable; id: PgColumn; key: PgColumn }> = {
  customers: { table: customers, id: customers.id, key: customers.idempotencyKey },
  interactions: { table: interactions, id: interactions.id, key: interactions.idempotencyKey },
  commitments: { table: commitments, id: commitments.id, key: commitments.idempotencyKey },
  captures: { table: captures, id: captures.id, key: captures.idempotencyKey },
};

// A statement binds at most 65,535 parameters; customers have under 40 columns.
const CHUNK = 500;

export function pgPush(db: PgExecutor): PushStore {
  return {
    async insertFresh(table, rows) {
      const ids: number[] = [];
      const t = TABLES[table] as typeof customers;
      for (let i = 0; i < rows.length; i += CHUNK) {
        const values = rows.slice(i, i + CHUNK).map(({ id: _, ...r }) => r);
        // RETURNING's order is unspecified, but the identity's nextval runs row by row in the
        // order of VALUES, so the ids rise in the rows' order whatever else inserts meanwhile.
        const got = await db
          .insert(t)
          .values(values as never)
          .returning({ id: t.id });
        ids.push(...got.map((r) => r.id).sort((a, b) => a - b));
      }
      return ids;
    },
    async idsByKey(table, keys) {
      const { table: t, id, key } = KEYED[table];
      const found = new Map<string, number>();
      if (!keys.length) return found;
      const where: SQL = sql`${key} = any(${sql.param(keys)}::text[])`;
      const rows = (await db.select({ id, key }).from(t).where(where)) as { id: number; key: string }[];
      for (const r of rows) found.set(r.key, r.id);
      return found;
    },
    async keyHolders(keys) {
      if (!keys.length) return [];
      // Every key in one statement: two parallel arrays unnested into (kind, value) pairs.
      const kinds = keys.map((k) => k.kind);
      const values = keys.map((k) => k.value);
      const rows = await db
        .select({ kind: customerKeys.kind, value: customerKeys.value, customerId: customerKeys.customerId })
        .from(customerKeys)
        .where(
          sql`(${customerKeys.kind}, ${customerKeys.value}) in (select * from unnest(${sql.param(kinds)}::text[], ${sql.param(values)}::text[]))`,
        );
      return rows;
    },
  };
}
