import { z } from 'zod';
import { id, isoDate, isoDateTime, shortText, text } from './common.ts';

/** A parcel (宗地) as read from a land page; amounts already normalised (m², yuan). */
export const CapturedParcel = z.object({
  parcelNo: shortText.optional(),
  location: text(500).optional(),
  areaM2: z.number().nonnegative().optional(),
  use: shortText.optional(),
  method: shortText.optional(),
  startPrice: z.number().nonnegative().optional(),
  dealPrice: z.number().nonnegative().optional(),
  /** ISO 4217; absent means CNY. */
  currency: z.string().length(3).optional(),
  dealDate: isoDate.optional(),
  winner: shortText.optional(),
});
export type CapturedParcel = z.infer<typeof CapturedParcel>;

export const Parcel = CapturedParcel.extend({
  id,
  customerId: id.nullable(),
  status: z.enum(['listed', 'dealt']),
  sourceUrl: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Parcel = z.infer<typeof Parcel>;
