import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { getTableColumns, getTableName, is, SQL, Table } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { PgDialect, type PgTable, getTableConfig as pgTableConfig } from 'drizzle-orm/pg-core';
import { SQLiteSyncDialect, type SQLiteTable, getTableConfig as sqliteTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pgSchema from '../schema.pg.ts';
import * as sqliteSchema from '../schema.ts';

/**
 * Every deliberate difference between the two schemas; anything else that differs fails.
 * Keyed "table.column" (or a table or index name), with why.
 */
const DIFFERENCES = {
  tablesOnlyInPg: {
    // SQLite's search table is an FTS5 virtual table made by hand in drizzle/0001 and 0006,
    // outside drizzle's schema; PostgreSQL's is a plain table (checked below against FTS5's).
    customer_search: 'search rows: FTS5 virtual table on SQLite, a table with GIN indexes on PostgreSQL',
  },
  columns: {
    // SQLite's INTEGER PRIMARY KEY is the rowid and fills itself; the app always sets this one.
    'calendar_feeds.user_id': { hasDefault: [true, false] },
    'names_to_refresh.customer_id': { hasDefault: [true, false] },
    // drizzle's pg-core has no bytea builder, so bytea is a customType there.
    'materials.content': { dataType: ['buffer', 'custom'] },
    'import_upload_chunks.data': { dataType: ['buffer', 'custom'] },
  } as Record<string, Record<string, [unknown, unknown]>>,
  indexesOnlyInPg: {
    // PostgreSQL looked up each open promise's file to count a manager's board (8 ms for a
    // thousand); it hashes this small index instead. SQLite's lookup by rowid costs the same either way.
    customers_closed: 'closed files, for counting open promises on the board',
  } as Record<string, string>,
  indexColumns: {
    // Code-point order whatever the database's collation, as SQLite's BINARY compares.
    customers_initials: [['initials'], ['"customers"."initials" collate "C"']],
  } as Record<string, [string[], string[]]>,
};

const tablesOf = (module: object) =>
  new Map((Object.values(module).filter((v) => is(v, Table)) as Table[]).map((t) => [getTableName(t), t]));
const sqliteTables = tablesOf(sqliteSchema) as Map<string, SQLiteTable>;
const pgTables = tablesOf(pgSchema) as Map<string, PgTable>;

const sqliteSql = new SQLiteSyncDialect();
const pgSql = new PgDialect();

function columns(table: Table) {
  return Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, c]) => [
      c.name,
      {
        key,
        dataType: c.dataType,
        notNull: c.notNull,
        hasDefault: c.hasDefault,
        primary: c.primary,
        isUnique: c.isUnique,
        uniqueName: c.uniqueName,
        enumValues: c.enumValues,
      },
    ]),
  );
}

describe('the PostgreSQL schema mirrors the SQLite one', () => {
  it('has the same tables, plus only the listed PostgreSQL ones', () => {
    const onlyPg = [...pgTables.keys()].filter((n) => !sqliteTables.has(n));
    const onlySqlite = [...sqliteTables.keys()].filter((n) => !pgTables.has(n));
    expect(onlySqlite).toEqual([]);
    expect(onlyPg.sort()).toEqual(Object.keys(DIFFERENCES.tablesOnlyInPg).sort());
  });

  it('has the same columns in every table: SQL name, JS key, kind, nullability, default, key, uniqueness', () => {
    for (const [name, sqliteTable] of sqliteTables) {
      const pgTable = pgTables.get(name);
      if (!pgTable) continue;
      const a = columns(sqliteTable);
      const b = columns(pgTable);
      expect(Object.keys(b).sort(), name).toEqual(Object.keys(a).sort());
      for (const [column, sqliteDesc] of Object.entries(a)) {
        const pgDesc = { ...b[column] };
        const listed = DIFFERENCES.columns[`${name}.${column}`] ?? {};
        for (const [field, [onSqlite, onPg]] of Object.entries(listed)) {
          // A listed difference must still be there: when it goes, so must its entry.
          expect([sqliteDesc[field as keyof typeof sqliteDesc], pgDesc[field as keyof typeof pgDesc]]).toEqual([
            onSqlite,
            onPg,
          ]);
          Object.assign(pgDesc, { [field]: onSqlite });
        }
        expect(pgDesc, `${name}.${column}`).toEqual(sqliteDesc);
      }
    }
  });

  it('has the same indexes (name, columns, unique, partial condition) and foreign keys', () => {
    // An index column is a column, or an SQL expression rendered as its dialect writes it.
    const render = (c: unknown, dialect: SQLiteSyncDialect | PgDialect) =>
      is(c, SQL) ? dialect.sqlToQuery(c).sql : (c as { name: string }).name;
    const allPg = [...pgTables.values()].flatMap((t) => pgTableConfig(t).indexes.map((i) => i.config.name));
    expect(allPg).toEqual(expect.arrayContaining(Object.keys(DIFFERENCES.indexesOnlyInPg)));
    for (const [name, sqliteTable] of sqliteTables) {
      const pgTable = pgTables.get(name);
      if (!pgTable) continue;
      const a = sqliteTableConfig(sqliteTable);
      const b = pgTableConfig(pgTable);
      const sqliteIndexes = a.indexes.map((i) => ({
        name: i.config.name,
        unique: i.config.unique,
        columns: i.config.columns.map((c) => render(c, sqliteSql)),
        where: i.config.where ? sqliteSql.sqlToQuery(i.config.where).sql : null,
      }));
      const onlyPg = b.indexes.filter((i) => (i.config.name ?? '') in DIFFERENCES.indexesOnlyInPg);
      for (const i of onlyPg) expect(a.indexes.map((x) => x.config.name)).not.toContain(i.config.name);
      const pgIndexes = b.indexes
        .filter((i) => !onlyPg.includes(i))
        .map((i) => {
          const listed = DIFFERENCES.indexColumns[i.config.name ?? ''];
          const cols = i.config.columns.map((c) => render(c, pgSql));
          if (listed) expect(cols, i.config.name).toEqual(listed[1]);
          return {
            name: i.config.name,
            unique: i.config.unique,
            columns: listed ? listed[0] : cols,
            where: i.config.where ? pgSql.sqlToQuery(i.config.where).sql : null,
          };
        });
      expect(pgIndexes, name).toEqual(sqliteIndexes);
      const keys = (fks: typeof a.foreignKeys | typeof b.foreignKeys) =>
        fks.map((fk) => {
          const r = fk.reference();
          return {
            columns: r.columns.map((c) => c.name),
            table: getTableName(r.foreignTable),
            foreignColumns: r.foreignColumns.map((c) => c.name),
            onDelete: fk.onDelete,
          };
        });
      expect(keys(b.foreignKeys), name).toEqual(keys(a.foreignKeys));
      expect([b.uniqueConstraints.length, b.primaryKeys.length, b.checks.length], name).toEqual([
        a.uniqueConstraints.length,
        a.primaryKeys.length,
        a.checks.length,
      ]);
    }
  });

  it("keeps PostgreSQL's customer_search in step with SQLite's FTS5 table, keyed by customer_id for its rowid", () => {
    const sqlite = new Database(':memory:');
    migrate(drizzle(sqlite), {
      migrationsFolder: join(dirname(fileURLToPath(import.meta.url)), '../../../drizzle'),
    });
    const fts = (sqlite.pragma('table_info(customer_search)') as { name: string }[]).map((c) => c.name);
    sqlite.close();
    const pg = Object.values(getTableColumns(pgSchema.customerSearch)).map((c) => c.name);
    // customer_name only here: PostgreSQL ranks hits on the search row (SQLite ranks by bm25).
    expect(pg).toEqual(['customer_id', ...fts, 'customer_name']);
    expect(getTableColumns(pgSchema.customerSearch).bigrams.dataType).toBe('array');
  });
});
