import type { CommitmentRecord, InteractionRecord, MaterialRecord, ParcelRecord, TierChangeRecord } from './records.ts';

/** A material to add: a link, or a small file with its bytes. */
export interface NewMaterial {
  title: string;
  url: string | null;
  fileName: string | null;
  mimeType: string | null;
  content: Uint8Array | null;
}

/**
 * What a customer file holds besides its row: contacts, tier history, parcels, materials,
 * promises, each listed for one file. Callers have checked that the viewer may see the file.
 */
export interface CustomerFileStore {
  /** The file's live (not undone) contacts, latest first. */
  contacts(customerId: number): Promise<InteractionRecord[]>;
  /** Every tier change, oldest first. */
  tierChanges(customerId: number): Promise<TierChangeRecord[]>;
  /** Parcels won or watched, latest first. */
  parcels(customerId: number): Promise<ParcelRecord[]>;
  /** Promises made to the customer, by due time. */
  commitments(customerId: number): Promise<CommitmentRecord[]>;
  /** Materials in number order. */
  materials(customerId: number): Promise<MaterialRecord[]>;
  /** Adds a material under the file's next number. */
  addMaterial(customerId: number, m: NewMaterial, at: string): Promise<MaterialRecord>;
  /** One of the file's materials, if it has it. */
  material(customerId: number, materialId: number): Promise<MaterialRecord | undefined>;
  /** Removes one of the file's materials; false when it has no such material. */
  removeMaterial(customerId: number, materialId: number): Promise<boolean>;
}
