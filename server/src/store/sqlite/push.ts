import { and, eq, inArray } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.ts';
import { captures, commitments, customerKeys, customers, interactions } from '../../db/schema.ts';
import type { KeyedTable, PushStore } from '../push.ts';
import { TABLES } from './backups.ts';

const KEYED: Record<KeyedTable, { table: SQLiteTable; id: SQLiteColumn; key: SQLiteColumn }> = {
  customers: { table: customers, id: customers.id, key: customers.idempotencyKey },
  interactions: { table: interactions, id: interactions.id, key: interactions.idempotencyKey },
  commitments: { table: commitments, id: commitments.id, key: commitments.idempotencyKey },
  captures: { table: captures, id: captures.id, key: captures.idempotencyKey },
};

// Well under SQLite's limit of bound variables per statement, even for the widest row (customers).
const CHUNK = 200;

export function sqlitePush(db: Db): PushStore {
  return {
    async insertFresh(table, rows) {
      const ids: number[] = [];
      const t = TABLES[table] as typeof customers;
      for (let i = 0; i < rows.length; i += CHUNK) {
        const values = rows.slice(i, i + CHUNK).map(({ id: _, ...r }) => r);
        // RETURNING's order is unspecified, but ids are handed out rising in the order of VALUES.
        const got = db
          .insert(t)
          .values(values as never)
          .returning({ id: t.id })
          .all();
        ids.push(...got.map((r) => r.id).sort((a, b) => a - b));
      }
      return ids;
    },
    async idsByKey(table, keys) {
      const { table: t, id, key } = KEYED[table];
      const found = new Map<string, number>();
      for (let i = 0; i < keys.length; i += CHUNK) {
        const rows = db
          .select({ id, key })
          .from(t)
          .where(inArray(key, keys.slice(i, i + CHUNK)))
          .all() as { id: number; key: string }[];
        for (const r of rows) found.set(r.key, r.id);
      }
      return found;
    },
    async keyHolders(keys) {
      const held: { kind: (typeof keys)[number]['kind']; value: string; customerId: number }[] = [];
      // One point lookup each on the (kind, value) unique index: synchronous, microseconds apiece.
      for (const k of keys) {
        const row = db
          .select({ customerId: customerKeys.customerId })
          .from(customerKeys)
          .where(and(eq(customerKeys.kind, k.kind), eq(customerKeys.value, k.value)))
          .get();
        if (row) held.push({ kind: k.kind, value: k.value, customerId: row.customerId });
      }
      return held;
    },
  };
}
