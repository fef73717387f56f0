import type { Parcel } from '@dossier/shared';
import { ApiError, notFound } from '../lib/errors.ts';
import type { MaterialRecord, ParcelRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from './visibility.ts';

// The lists of a customer file. Callers have already checked that the viewer may see the file.

const toMaterial = (m: MaterialRecord) => ({
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

const toParcel = (p: ParcelRecord): Parcel => {
  const out: Record<string, unknown> = {};
  // Optional capture fields are omitted when unknown, as in a capture.
  for (const [k, v] of Object.entries(p)) if (v !== null || ['customerId', 'sourceUrl'].includes(k)) out[k] = v;
  return out as Parcel;
};

export async function tierHistory(store: Store, customerId: number) {
  const rows = await store.customerFiles.tierChanges(customerId);
  return { changes: rows.map(({ customerId: _c, ...r }) => r) };
}

export async function parcelList(store: Store, customerId: number) {
  const rows = await store.customerFiles.parcels(customerId);
  return { parcels: rows.map(toParcel) };
}

/** Open promises first (not kept, not withdrawn), each group by due time; the idempotency key stays inside. */
export async function commitmentList(store: Store, customerId: number) {
  const rows = await store.customerFiles.commitments(customerId);
  const settled = (r: { keptAt: string | null; withdrawnAt: string | null }) => Number(!!(r.keptAt || r.withdrawnAt));
  const list = rows.map(({ idempotencyKey: _i, ...r }) => r).sort((a, b) => settled(a) - settled(b));
  return { commitments: list };
}

export async function materialList(store: Store, customerId: number) {
  const rows = await store.customerFiles.materials(customerId);
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
export async function addMaterial(store: Store, customerId: number, m: MaterialInput, now: Date, viewer: Viewer) {
  const content = m.contentBase64 ? Buffer.from(m.contentBase64, 'base64') : null;
  if (m.contentBase64 && !content?.length)
    throw new ApiError('invalid_request', 'contentBase64 is not base64', [{ path: 'contentBase64' }]);
  const row = await store.transaction(async (tx) => {
    // Again inside the write: the file may have been removed while the body was read.
    await tx.customers.live(customerId, viewer);
    return tx.customerFiles.addMaterial(
      customerId,
      { title: m.title, url: m.url ?? null, fileName: m.fileName ?? null, mimeType: m.mimeType ?? null, content },
      now.toISOString(),
    );
  });
  return toMaterial(row);
}

/** A material's stored file and the name to download it under; 404 for a link-only material. */
export async function materialFile(store: Store, customerId: number, materialId: number) {
  const m = await store.customerFiles.material(customerId, materialId);
  if (!m?.content) throw notFound('material file');
  return { content: m.content, fileName: m.fileName ?? `material-${m.number}` };
}

export async function removeMaterial(store: Store, customerId: number, materialId: number): Promise<void> {
  if (!(await store.customerFiles.removeMaterial(customerId, materialId))) throw notFound('material');
}
