import { z } from 'zod';
import { id, isoDateTime, Tier, withoutHidden } from './common.ts';

export const DueReason = z.enum(['call', 'visit', 'appointment', 'commitment']);
export const DueItem = z.object({
  customerId: id,
  name: z.string(),
  tier: Tier,
  reason: DueReason,
  due: isoDateTime,
  commitmentId: id.optional(),
  text: z.string().optional(),
  /**
   * Whom to call about it and on which number: the customer's key person with a phone (else its
   * first person with one), else the company's own number with no name.
   */
  contact: z.object({ personId: id.nullable(), name: z.string().nullable(), phone: z.string() }).nullable().optional(),
});
export type DueItem = z.infer<typeof DueItem>;

const BucketCounts = z.object({
  overdue: z.number().int(),
  today: z.number().int(),
  tomorrow: z.number().int(),
  thisWeek: z.number().int(),
  later: z.number().int().optional(),
});

export const BoardBucket = z.enum(['overdue', 'today', 'tomorrow', 'thisWeek', 'later']);

/**
 * A file stands in the bucket of its earliest due, with an item for every reason it is due for
 * before the window's end, each at its own instant (so an overdue file's call due tomorrow is
 * listed under "overdue"); a promise stands in the bucket of its own due. Each bucket lists its
 * earliest `limit` entries (a file with its items, or a promise); `counts` are the full totals of
 * entries, except in the buckets named in `countsAtLeast`: on a whole department's board more than
 * BOARD_COUNT_CAP files (or promises) in one bucket are counted up to that many ("1000+").
 */
export const DueBoard = z.object({
  now: isoDateTime,
  overdue: z.array(DueItem),
  today: z.array(DueItem),
  tomorrow: z.array(DueItem),
  /** From the day after tomorrow to the end of the ISO week (Monday–Sunday) in the configured zone. */
  thisWeek: z.array(DueItem),
  /** After this week, up to the end of the `within` window. */
  later: z.array(DueItem).optional(),
  counts: BucketCounts,
  countsAtLeast: z.array(BoardBucket).optional(),
  limit: z.number().int(),
});

/** How far the files (and the promises) of one bucket are counted on a manager's whole board. */
export const BOARD_COUNT_CAP = 1_000;
export type DueBoard = z.infer<typeof DueBoard>;

export const DueQuery = z.object({
  within: z
    .string()
    .regex(/^\d{1,3}d$/, 'like 7d')
    .default('7d'),
  owner: z.string().max(200).optional(),
  /** Entries (files or promises) per bucket; a board of 100,000 files answers counts and the first of each. */
  limit: z.coerce.number().int().min(1).max(5000).default(200),
});

export const SearchQuery = z.object({
  q: z.string().overwrite(withoutHidden).trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const SearchResult = z.object({
  id,
  name: z.string(),
  tier: Tier,
  status: z.string(),
  matched: z.string(),
  nextDue: isoDateTime,
});
export const SearchAnswer = z.object({ results: z.array(SearchResult) });
export type SearchAnswer = z.infer<typeof SearchAnswer>;
