import { z } from 'zod';
import { ApiError } from '../../lib/errors.ts';
import type { BackupRow, BackupTable, BackupUser } from '../../store/backups.ts';
import type { Store } from '../../store/store.ts';
import { replayable } from '../replay.ts';
import type { Viewer } from '../visibility.ts';
import { priorImport, recordImport, sha256 } from './imports.ts';

type Row = BackupRow;

/**
 * Tables in the order a restore inserts them (parents first). `byCustomer` names the field
 * tying a row to a customer, which is what a member's backup is cut by; `userColumn` is
 * remapped on restore to the user of the same name; `leaveOut` are fields that are not the
 * files' data, neither written to a backup nor taken from one.
 */
const TABLES: { name: BackupTable; byCustomer?: string; userColumn?: string; leaveOut?: string[] }[] = [
  { name: 'customers', byCustomer: 'id' },
  { name: 'customerKeys', byCustomer: 'customerId' },
  { name: 'people', byCustomer: 'customerId' },
  // Where each phone and e-mail came from (seed 002); older backups have none: values from before.
  { name: 'contactPoints', byCustomer: 'customerId' },
  // A contact's replay record (who sent its key, services/replay.ts) stays behind, as the replays
  // table does: a user id means nothing in another database, and a member's copy would tell who
  // logged each contact on a file shared with them.
  { name: 'interactions', byCustomer: 'customerId', leaveOut: ['requestedBy', 'requestFingerprint'] },
  { name: 'commitments', byCustomer: 'customerId' },
  { name: 'tierChanges', byCustomer: 'customerId' },
  { name: 'parcels', byCustomer: 'customerId' },
  { name: 'captures', byCustomer: 'customerId' },
  { name: 'reclassDecisions', byCustomer: 'customerId' },
  { name: 'sheetRemarks', byCustomer: 'customerId' },
  { name: 'materials', byCustomer: 'customerId' },
  { name: 'customerShares', byCustomer: 'customerId', userColumn: 'userId' },
  { name: 'focusNotes', userColumn: 'userId' },
  { name: 'auditLog', userColumn: 'userId' },
];

const BACKUP_FORMAT = 'dossier-backup';

/** The row without the fields named (a backup's and a push's rows alike). */
export const without = (r: Row, ...fields: string[]): Row =>
  fields.length ? Object.fromEntries(Object.entries(r).filter(([k]) => !fields.includes(k))) : r;

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
export async function backup(store: Store, viewer: Viewer, now: Date) {
  const tables: Record<string, Row[]> = {};
  const manager = viewer.role === 'manager';
  // Every table read in one transaction: the copy is of one moment, not of rows changing in between.
  await store.transaction(async (tx) => {
    const mine = await tx.backups.visibleIds(viewer);
    tables.users = (await tx.backups.users(manager ? undefined : viewer.id)) as unknown as Row[];
    tables.settings = await tx.backups.settings();
    for (const spec of TABLES) {
      if (!manager && spec.name === 'auditLog') continue;
      const cut = manager
        ? undefined
        : spec.byCustomer
          ? { field: spec.byCustomer, in: mine }
          : { field: 'userId', is: viewer.id };
      tables[spec.name] = (await tx.backups.rows(spec.name, cut)).map((r) =>
        encode(without(r, ...(spec.leaveOut ?? []))),
      );
    }
  });
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
async function restoreUsers(tx: Store, rows: Row[]): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  for (const u of rows) {
    const name = String(u.name);
    const existing = await tx.backups.userByName(name);
    if (existing !== undefined) {
      map.set(Number(u.id), existing);
      continue;
    }
    const taken = await tx.backups.userExists(Number(u.id));
    const user: Omit<BackupUser, 'id'> = {
      name,
      role: u.role === 'manager' ? 'manager' : 'member',
      createdAt: String(u.createdAt),
      revokedAt: (u.revokedAt as string | null) ?? null,
    };
    map.set(Number(u.id), await tx.backups.addUser(taken ? user : { id: Number(u.id), ...user }));
  }
  return map;
}

/**
 * Restores a JSON backup into a database without customer files, keeping every id, in one
 * transaction; the search index is rebuilt from the restored rows.
 */
export async function restore(
  store: Store,
  viewer: Viewer,
  now: Date,
  file: { bytes: Buffer; filename: string },
  idempotencyKey?: string,
) {
  if (viewer.role !== 'manager') throw new ApiError('forbidden', 'only a manager restores a backup');
  const replay = idempotencyKey
    ? replayable(idempotencyKey, 'restore', { filename: file.filename, sha256: sha256(file.bytes) })
    : undefined;
  const prior = await priorImport(store, viewer, replay ?? null);
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
  const report = await store.transaction(async (tx) => {
    if (await tx.backups.hasCustomers()) {
      throw new ApiError('conflict', 'restore only into a database without customer files');
    }
    const userMap = await restoreUsers(tx, data.users ?? []);
    for (const s of data.settings ?? []) await tx.backups.putSetting(String(s.key), s.value);
    const restored: Record<string, number> = { users: data.users?.length ?? 0 };
    for (const spec of TABLES) {
      const rows = (data[spec.name] ?? []).map((r) => without(decode(r), ...(spec.leaveOut ?? [])));
      const userColumn = spec.userColumn;
      if (userColumn) {
        for (const r of rows) if (r[userColumn] != null) r[userColumn] = userMap.get(Number(r[userColumn])) ?? null;
      }
      for (let i = 0; i < rows.length; i += CHUNK) {
        try {
          await tx.backups.insertRows(spec.name, rows.slice(i, i + CHUNK));
        } catch (e) {
          throw new ApiError(
            'invalid_request',
            `backup rejected at ${spec.name} rows ${i + 1}–${i + CHUNK}: ${(e as Error).message}`,
          );
        }
      }
      restored[spec.name] = rows.length;
    }
    await tx.imports.reindexFiles((data.customers ?? []).map((c) => Number(c.id)));
    const report = { filename: file.filename, createdAt: at, restored };
    const importId = await recordImport(tx, viewer, 'backup', file.filename, file.bytes, replay, at, report);
    return { importId, ...report };
  });
  return { report, replayed: false };
}
