import { z } from 'zod';
import { id, isoDateTime } from './common.ts';

/**
 * Seed 002: data goes stale. Each phone and e-mail of a file says where it came from (a captured
 * page, an import file, a hand edit, a push from a local install, the demo data; `unknown` for
 * values on file from before this was kept), when it was first seen and when it was last
 * confirmed (a call or visit logged with whoever holds a number, an e-mail logged with whoever
 * holds an address, or one click on "still right").
 */
export const ContactPointKind = z.enum(['phone', 'email']);
export type ContactPointKind = z.infer<typeof ContactPointKind>;
export const ContactPointSource = z.enum(['capture', 'import', 'hand', 'push', 'demo', 'unknown']);
export type ContactPointSource = z.infer<typeof ContactPointSource>;
export const ConfirmedBy = z.enum(['call', 'visit', 'email', 'click']);
export type ConfirmedBy = z.infer<typeof ConfirmedBy>;

/** Which field of the file holds the value. */
export const ContactPointField = z.enum(['phones', 'emails', 'mobile', 'directLine', 'email']);
export type ContactPointField = z.infer<typeof ContactPointField>;

export const ContactPoint = z.object({
  kind: ContactPointKind,
  /** The value as written on the file. */
  value: z.string(),
  /** The person holding it; null for the file's own phones and e-mails. */
  personId: id.nullable(),
  field: ContactPointField,
  source: ContactPointSource,
  /** The page URL of a capture, the file name of an import. */
  sourceDetail: z.string().nullable(),
  /** When it first came; for a value from before this was kept, when its holder was filed. */
  seenAt: isoDateTime,
  confirmedAt: isoDateTime.nullable(),
  confirmedBy: ConfirmedBy.nullable(),
  /** The later of seenAt and confirmedAt: what its age counts from. */
  since: isoDateTime,
  /** Older than the verifyAfterMonths setting: verify before calling. */
  verify: z.boolean(),
});
export type ContactPoint = z.infer<typeof ContactPoint>;

export const ContactPoints = z.object({
  verifyAfterMonths: z.number().int().positive(),
  contactPoints: z.array(ContactPoint),
});
export type ContactPoints = z.infer<typeof ContactPoints>;

/** "Still right": one click confirms a value of the file (the person's, when personId is given). */
export const ContactPointConfirm = z.object({
  kind: ContactPointKind,
  value: z.string().trim().min(1).max(320),
  personId: id.optional(),
});
export type ContactPointConfirm = z.infer<typeof ContactPointConfirm>;
