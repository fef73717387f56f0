import { z } from 'zod';

/** Every string that crosses the wire is capped so one request can't fill the disk. */
export const text = (max = 2000) => z.string().trim().max(max);
export const shortText = text(200);
/**
 * A name (of a company or a person): control characters (NUL…) and the bidi overrides and
 * isolates that can make a name display as something else (U+202A–U+202E, U+2066–U+2069) are
 * dropped before it is checked and stored.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are dropped
const hidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
export const withoutHidden = (s: string) => s.replace(hidden, '');
export const nameText = z.string().overwrite(withoutHidden).trim().max(200).min(1);
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const isoDateTime = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();

export const Tier = z.enum(['A', 'B', 'C']);
export type Tier = z.infer<typeof Tier>;

export const ErrorCode = z.enum([
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  /** The disk is full: nothing was written; free space and send it again. */
  'storage_full',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
