import { count, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client.ts';
import {
  auditLog,
  captures,
  commitments,
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
} from '../../db/schema.ts';
import { ApiError } from '../../lib/errors.ts';
import { replayable } from '../replay.ts';
import { type Viewer, visible } from '../visibility.ts';
import { priorImport, recordImport, sha256 } from './imports.ts';
import { reindexMany } from './reindex.ts';

type Row = Record<string, unknown>;

/**
 * Tables in the order a restore inserts them (parents first). `byCustomer` names the column
 * tying a row to a customer, which is what a member's backup is cut by; `userColumn` is
 * remapped on restore to the user of the same name.
 */
const TABLES = {
  customers: { table: customers, byCustomer: 'id' },
  customerKeys: { table: customerKeys, byCustomer: 'customerId' },
  people: { table: people, byCustomer: 'customerId' },
  interactions: { table: interactions, byCustomer: 'customerId' },
  commitments: { table: commitments, byCustomer: 'customerId' },
  tierChanges: { table: tierChanges, byCustomer: 'customerId' },
  parcels: { table: parcels, byCustomer: 'customerId' },
  captures: { table: captures, byCustomer: 'customerId' },
  reclassDecisions: { table: reclassDecisions, byCustomer: 'customerId' },
  sheetRemarks: { table: sheetRemarks, byCustomer: 'customerId' },
  materials: { table: materials, byCustomer: 'customerId' },
  customerShares: { table: customerShares, byCustomer: 'customerId', userColumn: 'userId' },
  focusNotes: { table: focusNotes, userColumn: 'userId' },
  auditLog: { table: auditLog, userColumn: 'userId' },
} as const satisfies Record<string, { table: SQLiteTable; byCustomer?: string; userColumn?: string }>;
type TableName = keyof typeof TABLES;

const BACKUP_FORMAT = 'dossier-backup';

/** Blobs travel as base64 text inside the JSON. */
const encode = (r: Row): Row =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? { base64: v.toString('base64') } : v]));
const decode = (r: Row): Row =>
  Object.fromEntries(
    Object.entries(r).map(([k, v]) => {
      const b = v as { base64?: unknown } | null;
      return [k, b && typeof b === 'object' && typeof b.base64 === 'string' ? Buffer.from(b.base64, 'base64') : v];
    }),
  );

/**
 * Everything the viewer can see, row for row with ids: a manager's backup is the whole database
 * (API tokens aside), a member's holds their files (removed ones too) and what hangs off them,
 * their own focus notes and no audit log.
 */
export function backup(db: Db, viewer: Viewer, now: Date) {
  const mine = db
    .select({ id: customers.id })
    .from(customers)
    .where(visible(viewer))
    .all()
    .map((r) => r.id);
  const tables: Record<string, Row[]> = {};
  const manager = viewer.role === 'manager';
  tables.users = db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      createdAt: users.createdAt,
      revokedAt: users.revokedAt,
    })
    .from(users)
    .where(manager ? sql`1 = 1` : eq(users.id, viewer.id))
    .orderBy(users.id)
    .all();
  tables.settings = db.select().from(settings).orderBy(settings.key).all();
  for (const [name, spec] of Object.entries(TABLES) as [TableName, (typeof TABLES)[TableName]][]) {
    const cols = getTableColumns(spec.table as SQLiteTable) as Record<string, SQLiteColumn>;
    let where: SQL | undefined;
    if (!manager) {
      if (name === 'auditLog') continue;
      where =
        'byCustomer' in spec
          ? inArray(cols[spec.byCustomer] as SQLiteColumn, mine)
          : eq(cols.userId as SQLiteColumn, viewer.id);
    }
    const rows = db
      .select()
      .from(spec.table as SQLiteTable)
      .where(where)
      .all() as Row[];
    tables[name] = rows.map(encode);
  }
  return {
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    by: { name: viewer.name, role: viewer.role },
    tables,
  };
}

export const BackupFile = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

const CHUNK = 100;

/** Users by name: the same person keeps their id where it is free; tokens are never restored. */
function restoreUsers(tx: Tx, rows: Row[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const u of rows) {
    const name = String(u.name);
    const existing = tx.select({ id: users.id }).from(users).where(eq(users.name, name)).get();
    if (existing) {
      map.set(Number(u.id), existing.id);
      continue;
    }
    const taken = tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.id, Number(u.id)))
      .get();
    const row = tx
      .insert(users)
      .values({
        ...(taken ? {} : { id: Number(u.id) }),
        name,
        role: u.role === 'manager' ? 'manager' : 'member',
        tokenHash: null,
        createdAt: String(u.createdAt),
        revokedAt: (u.revokedAt as string | null) ?? null,
      })
      .returning({ id: users.id })
      .get();
    map.set(Number(u.id), row.id);
  }
  return map;
}

/**
 * Restores a JSON backup into a database without customer files, keeping every id, in one
 * transaction; the search index is rebuilt from the restored rows.
 */
export function restore(
  db: Db,
  viewer: Viewer,
  now: Date,
  file: { bytes: Buffer; filename: string },
  idempotencyKey?: string,
) {
  if (viewer.role !== 'manager') throw new ApiError('forbidden', 'only a manager restores a backup');
  const replay = idempotencyKey
    ? replayable(idempotencyKey, 'restore', { filename: file.filename, sha256: sha256(file.bytes) })
    : undefined;
  const prior = priorImport(db, viewer, replay ?? null);
  if (prior) return { report: prior, replayed: true };
  let json: unknown;
  try {
    json = JSON.parse(file.bytes.toString('utf8'));
  } catch {
    throw new ApiError('invalid_request', `${file.filename} is not JSON`);
  }
  const parsed = BackupFile.safeParse(json);
  if (!parsed.success) throw new ApiError('invalid_request', 'not a Dossier backup (format dossier-backup, version 1)');
  const data = parsed.data.tables;
  const at = now.toISOString();
  const report = db.transaction((tx) => {
    const used = tx.select({ n: count() }).from(customers).get();
    if ((used?.n ?? 0) > 0) throw new ApiError('conflict', 'restore only into a database without customer files');
    const userMap = restoreUsers(tx, data.users ?? []);
    for (const s of data.settings ?? []) {
      tx.insert(settings)
        .values({ key: String(s.key), value: s.value })
        .onConflictDoUpdate({ target: settings.key, set: { value: s.value } })
        .run();
    }
    const restored: Record<string, number> = { users: data.users?.length ?? 0 };
    for (const [name, spec] of Object.entries(TABLES) as [TableName, (typeof TABLES)[TableName]][]) {
      const rows = (data[name] ?? []).map(decode);
      if ('userColumn' in spec) {
        for (const r of rows)
          if (r[spec.userColumn] != null) r[spec.userColumn] = userMap.get(Number(r[spec.userColumn])) ?? null;
      }
      for (let i = 0; i < rows.length; i += CHUNK) {
        try {
          tx.insert(spec.table)
            .values(rows.slice(i, i + CHUNK) as never)
            .run();
        } catch (e) {
          throw new ApiError(
            'invalid_request',
            `backup rejected at ${name} rows ${i + 1}–${i + CHUNK}: ${(e as Error).message}`,
          );
        }
      }
      restored[name] = rows.length;
    }
    reindexMany(
      db,
      (data.customers ?? []).map((c) => Number(c.id)),
    );
    const report = { filename: file.filename, createdAt: at, restored };
    const importId = recordImport(tx, viewer, 'backup', file.filename, file.bytes, replay, at, report);
    return { importId, ...report };
  });
  return { report, replayed: false };
}
