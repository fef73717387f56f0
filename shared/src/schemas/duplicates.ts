import { z } from 'zod';
import { id, isoDateTime, Tier } from './common.ts';
import { CustomerDetail, KeyKind } from './customer.ts';

/**
 * What two files have in common that makes them look like one company: a matching key (a
 * website's domain, a credit code…), the same name once normalised, or the same phone number.
 */
export const DuplicateReason = z.object({
  kind: z.union([KeyKind, z.literal('phone')]),
  value: z.string(),
});
export type DuplicateReason = z.infer<typeof DuplicateReason>;

export const DuplicateMember = z.object({
  id,
  name: z.string(),
  tier: Tier,
  status: z.string(),
  owner: z.string().nullable(),
  createdAt: isoDateTime,
  people: z.number().int().nonnegative(),
});
export type DuplicateMember = z.infer<typeof DuplicateMember>;

/** Files the viewer may see that share something, with every reason they were grouped for. */
export const DuplicateGroup = z.object({
  customers: z.array(DuplicateMember).min(2),
  reasons: z.array(DuplicateReason).min(1),
});
export type DuplicateGroup = z.infer<typeof DuplicateGroup>;

export const Duplicates = z.object({
  groups: z.array(DuplicateGroup),
  /** More groups than listed: merging some brings the rest. */
  truncated: z.boolean(),
});
export type Duplicates = z.infer<typeof Duplicates>;

/** The answer of POST /api/customers/{id}/merge, as the dashboard reads it. */
export const MergeResult = z.object({
  mergeId: id,
  survivorId: id,
  fromId: id,
  at: isoDateTime,
  undoUntil: isoDateTime,
  undoneAt: isoDateTime.nullable(),
  filled: z.array(z.string()),
  moved: z.record(z.string(), z.number()),
  survivor: CustomerDetail.nullable(),
});
export type MergeResult = z.infer<typeof MergeResult>;

export const MergeUndone = z.object({ mergeId: id, survivorId: id, fromId: id, undoneAt: isoDateTime });
export type MergeUndone = z.infer<typeof MergeUndone>;

/**
 * The 409 of a new file that is already on file (details of `conflict`): what matched — a key
 * or a mobile — and, when the viewer may see it, the file that holds it.
 */
export const DuplicateConflict = z.object({
  code: z.literal('duplicate_customer'),
  kind: z.union([KeyKind, z.literal('mobile')]),
  value: z.string(),
  customerId: id.optional(),
  customerName: z.string().optional(),
});
export type DuplicateConflict = z.infer<typeof DuplicateConflict>;
