import type { InferSelectModel } from 'drizzle-orm';
import type {
  captures,
  commitments,
  contactPoints,
  customerKeys,
  customers,
  interactions,
  materials,
  merges,
  parcels,
  people,
  tierChanges,
} from '../db/schema.ts';

/**
 * Rows as the services see them: plain data (strings, numbers, booleans, arrays), the shape
 * the schema's column names and modes give. Every engine's implementation returns these.
 */
export type CustomerRecord = InferSelectModel<typeof customers>;
export type InteractionRecord = InferSelectModel<typeof interactions>;
export type CommitmentRecord = InferSelectModel<typeof commitments>;
export type PersonRecord = InferSelectModel<typeof people>;
export type KeyRecord = InferSelectModel<typeof customerKeys>;
/** A saved capture: the page as captured, where it went, and what saving it did. */
export type CaptureRecord = InferSelectModel<typeof captures>;
export type MaterialRecord = InferSelectModel<typeof materials>;
/** A merge as recorded: who merged which file into which, when, until when it may be undone, and its before-image. */
export type MergeRecord = InferSelectModel<typeof merges>;
/** A land parcel, listed or dealt, on a file (its winner's) or on its capturer's watch list. */
export type ParcelRecord = InferSelectModel<typeof parcels>;
export type TierChangeRecord = InferSelectModel<typeof tierChanges>;
/** Where one phone or e-mail of a file came from and when it was last confirmed (seed 002). */
export type ContactPointRecord = InferSelectModel<typeof contactPoints>;
