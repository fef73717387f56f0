import { z } from 'zod';

/** Every string that crosses the wire is capped so one request can't fill the disk. */
export const text = (max = 2000) => z.string().trim().max(max);
export const shortText = text(200);
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
