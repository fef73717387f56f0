import type { Parcel } from '@dossier/shared';
import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { commitments, materials, parcels, tierChanges } from '../db/schema.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import { liveCustomer } from './customers.ts';
import type { Viewer } from './visibility.ts';

// The lists of a customer file. Callers have already checked that the viewer may see the file.

const toMaterial = (m: typeof materials.$inferSelect) => ({
  id: m.id,
  customerId: m.customerId,
  number: m.number,
  title: m.title,
  url: m.url,
  fileName: m.fileName,
  mimeType: m.mimeType,
  bytes: m.content?.length ?? 0,
  createdAt: m.createdAt,
});

const toParcel = (p: typeof parcels.$inferSelect): Parcel => {
  const out: Record<string, unknown> = {};
  // Optional capture fields are omitted when unknown, as in a capture.
  for (const [k, v] of Object.entries(p)) if (v !== null || ['customerId', 'sourceUrl'].includes(k)) out[k] = v;
  return out as Parcel;
};

export function tierHistory(db: Db, customerId: number) {
  const rows = db
    .select()
    .from(tierChanges)
    .where(eq(tierChanges.customerId, customerId))
    .orderBy(asc(tierChanges.id))
    .all();
  return { changes: rows.map(({ customerId: _c, ...r }) => r) };
}

export function parcelList(db: Db, customerId: number) {
  const rows = db.select().from(parcels).where(eq(parcels.customerId, customerId)).orderBy(desc(parcels.id)).all();
  return { parcels: rows.map(toParcel) };
}

/** Open promises first, each group by due time; the idempotency key stays inside. */
export function commitmentList(db: Db, customerId: number) {
  const rows = db
    .select()
    .from(commitments)
    .where(eq(commitments.customerId, customerId))
    .orderBy(asc(commitments.dueAt))
    .all();
  const list = rows.map(({ idempotencyKey: _i, ...r }) => r).sort((a, b) => Number(!!a.keptAt) - Number(!!b.keptAt));
  return { commitments: list };
}

export function materialList(db: Db, customerId: number) {
  const rows = db
    .select()
    .from(materials)
    .where(eq(materials.customerId, customerId))
    .orderBy(asc(materials.number))
    .all();
  return { materials: rows.map(toMaterial) };
}

export interface MaterialInput {
  title: string;
  url?: string;
  fileName?: string;
  mimeType?: string;
  contentBase64?: string;
}

/** Adds a material under the file's next number. */
export function addMaterial(db: Db, customerId: number, m: MaterialInput, now: Date, viewer: Viewer) {
  const content = m.contentBase64 ? Buffer.from(m.contentBase64, 'base64') : null;
  if (m.contentBase64 && !content?.length)
    throw new ApiError('invalid_request', 'contentBase64 is not base64', [{ path: 'contentBase64' }]);
  const row = db.transaction((tx) => {
    // Again inside the write: the file may have been removed while the body was read.
    liveCustomer(tx, customerId, viewer);
    const last = tx
      .select({ n: max(materials.number) })
      .from(materials)
      .where(eq(materials.customerId, customerId))
      .get();
    return tx
      .insert(materials)
      .values({
        customerId,
        number: (last?.n ?? 0) + 1,
        title: m.title,
        url: m.url ?? null,
        fileName: m.fileName ?? null,
        mimeType: m.mimeType ?? null,
        content,
        createdAt: now.toISOString(),
      })
      .returning()
      .get();
  });
  return toMaterial(row);
}

/** A material's stored file and the name to download it under; 404 for a link-only material. */
export function materialFile(db: Db, customerId: number, materialId: number) {
  const m = db
    .select()
    .from(materials)
    .where(and(eq(materials.id, materialId), eq(materials.customerId, customerId)))
    .get();
  if (!m?.content) throw notFound('material file');
  return { content: m.content, fileName: m.fileName ?? `material-${m.number}` };
}

export function removeMaterial(db: Db, customerId: number, materialId: number): void {
  const gone = db
    .delete(materials)
    .where(and(eq(materials.id, materialId), eq(materials.customerId, customerId)))
    .returning({ id: materials.id })
    .get();
  if (!gone) throw notFound('material');
}
