import { asc, eq, getTableColumns, getTableName, is, type SQL, sql } from 'drizzle-orm';
import { type PgColumn, type PgTable, PgTransaction } from 'drizzle-orm/pg-core';
import {
  auditLog,
  captures,
  commitments,
  contactPoints,
  customerKeys,
  customerShares,
  customers,
  focusNotes,
  interactions,
  materials,
  parcels,
  people,
  reclassDecisions,
  settings,
  sheetRemarks,
  tierChanges,
  users,
} from '../../db/schema.pg.ts';
import type { BackupRow, BackupStore, BackupTable } from '../backups.ts';
import type { PgExecutor } from './executor.ts';
import { oneImportAtATime } from './imports.ts';
import { visible } from './visibility.ts';

/** Each backed-up table by its name in a backup (push.ts writes the same tables). */
export const TABLES: Record<BackupTable, PgTable> = {
  customers,
  customerKeys,
  people,
  contactPoints,
  interactions,
  commitments,
  tierChanges,
  parcels,
  captures,
  reclassDecisions,
  sheetRemarks,
  materials,
  customerShares,
  focusNotes,
  auditLog,
};

const columnsOf = (table: PgTable) => getTableColumns(table) as Record<string, PgColumn>;

const column = (table: BackupTable, field: string): PgColumn => {
  const c = columnsOf(TABLES[table])[field];
  if (!c) throw new Error(`${table} has no field ${field}`);
  return c;
};

/**
 * The order a table's rows are read in. SQLite answers in rowid order, PostgreSQL in whatever
 * order its heap holds: stating it keeps a backup stable, ids ascending as SQLite gives them.
 */
const order = (table: PgTable): SQL[] => {
  const c = columnsOf(table);
  if (c.id) return [asc(c.id)];
  if (table === sheetRemarks) return [asc(sheetRemarks.customerId), asc(sql`${sheetRemarks.month} collate "C"`)];
  return [asc(customerShares.customerId), asc(customerShares.userId)];
};

/**
 * Rows restored with their own ids leave the identity's sequence behind them: the next row
 * added would be given an id already taken. This moves it past the highest id there is, and
 * never back (a concurrent insert may hold a higher value not yet committed).
 */
async function moveSequencePast(db: PgExecutor, table: PgTable): Promise<void> {
  if (!columnsOf(table).id) return;
  const seq = sql`pg_get_serial_sequence(${getTableName(table)}, 'id')`;
  await db.execute(
    sql`select setval(${seq}, greatest((select coalesce(max(id), 0) + 1 from ${table}), nextval(${seq})), false)`,
  );
}

export function pgBackups(db: PgExecutor): BackupStore {
  return {
    async visibleIds(viewer) {
      const rows = await db
        .select({ id: customers.id })
        .from(customers)
        .where(visible(viewer))
        .orderBy(asc(customers.id));
      return rows.map((r) => r.id);
    },
    async users(only) {
      return db
        .select({
          id: users.id,
          name: users.name,
          role: users.role,
          createdAt: users.createdAt,
          revokedAt: users.revokedAt,
        })
        .from(users)
        .where(only === undefined ? undefined : eq(users.id, only))
        .orderBy(asc(users.id));
    },
    async settings() {
      // Keys in code-point order, as SQLite's BINARY sorts them.
      return db
        .select()
        .from(settings)
        .orderBy(asc(sql`${settings.key} collate "C"`));
    },
    async rows(table, cut) {
      const t = TABLES[table];
      let where: SQL | undefined;
      // A member's backup is cut by all their files' ids: one array parameter, however many.
      if (cut)
        where =
          'in' in cut
            ? sql`${column(table, cut.field)} = any(${sql.param(cut.in)}::int[])`
            : eq(column(table, cut.field), cut.is);
      return (await db
        .select()
        .from(t)
        .where(where)
        .orderBy(...order(t))) as BackupRow[];
    },
    async hasCustomers() {
      // A restore asks this first: it then waits for an import or another restore under way, and
      // sees their files, as SQLite's one writer at a time would have it.
      if (is(db, PgTransaction)) await db.execute(oneImportAtATime);
      const rows = await db.select({ id: customers.id }).from(customers).limit(1);
      return rows.length > 0;
    },
    async userByName(name) {
      return (await db.select({ id: users.id }).from(users).where(eq(users.name, name)))[0]?.id;
    },
    async userExists(id) {
      return (await db.select({ id: users.id }).from(users).where(eq(users.id, id))).length > 0;
    },
    async addUser(u) {
      const [row] = await db
        .insert(users)
        .values({ ...u, tokenHash: null })
        .returning({ id: users.id });
      if (u.id !== undefined) await moveSequencePast(db, users);
      return (row as { id: number }).id;
    },
    async putSetting(key, value) {
      await db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
    },
    async insertRows(table, rows) {
      if (!rows.length) return;
      const t = TABLES[table];
      await db.insert(t).values(rows as never);
      await moveSequencePast(db, t);
    },
    async snapshot() {
      // The scheduler's copy is a SQLite file beside the data; a team database is copied by
      // its own tools (pg_dump, or continuous archiving for point-in-time recovery), which see
      // the whole cluster and run where its administrator keeps them. The JSON backup
      // (GET /api/backup) still works on PostgreSQL.
      throw new Error(
        'database snapshots are not taken on PostgreSQL: back it up with pg_dump or continuous archiving (PITR), or take a JSON backup',
      );
    },
  };
}
