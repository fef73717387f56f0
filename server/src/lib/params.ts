import { z } from 'zod';

/**
 * A row id in a path, written only one way: digits without a leading zero. Number() would
 * also read `01`, `1.0`, `0x1` and `1e0` as 1, and a check made on one spelling could be
 * missed by another; every id parameter is this one schema.
 */
export const Id = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, 'an id is written as digits, without a leading zero')
  .transform(Number)
  .pipe(z.number().int().max(Number.MAX_SAFE_INTEGER));

export const IdParam = z.object({ id: Id });
