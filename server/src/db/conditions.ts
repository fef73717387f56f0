import { and, type Column, eq, isNull, notInArray, type SQL } from 'drizzle-orm';

/**
 * A parcel at `location` that may be the one captured (CaptureStore.findParcel), on either
 * engine's parcels table: one with no number when the captured one has a number (a listing seen
 * before its number was known), never one this capture has already written.
 */
export const parcelAtLocation = (
  t: { location: Column; parcelNo: Column; id: Column },
  location: string,
  parcelNo: string | null,
  besides: number[],
): SQL | undefined =>
  and(
    eq(t.location, location),
    parcelNo !== null ? isNull(t.parcelNo) : undefined,
    besides.length ? notInArray(t.id, besides) : undefined,
  );
