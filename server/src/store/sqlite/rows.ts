import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * A raw better-sqlite3 row (SQL column names, JSON as text, booleans as 0/1) as the record
 * drizzle would have returned, decoded by the table's own column definitions — for the hot
 * reads run as raw statements (drizzle's generic mapping cost as much as SQLite did there).
 * Built once per table.
 */
export function recordOf<T extends Table>(table: T): (row: Record<string, unknown>) => T['$inferSelect'] {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const plain = column.columnType === 'SQLiteText' || column.columnType === 'SQLiteInteger';
    return { key, name: column.name, decode: plain ? null : (v: unknown) => column.mapFromDriverValue(v) };
  });
  return (row) => {
    const out: Record<string, unknown> = {};
    for (const c of columns) {
      const v = row[c.name];
      out[c.key] = v === null || v === undefined ? null : c.decode ? c.decode(v) : v;
    }
    return out as T['$inferSelect'];
  };
}
