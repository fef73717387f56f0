import { BOARD_COUNT_CAP, type DueBoard, type DueItem, type Settings, type Tier } from '@dossier/shared';
import { dayStart } from '../lib/time.ts';
import type { DueFile, DueReason, OpenCommitment } from '../store/board.ts';
import type { Store } from '../store/store.ts';
import { daysToNextWeek } from './focus.ts';
import type { Viewer } from './visibility.ts';

type Bucket = 'overdue' | 'today' | 'tomorrow' | 'thisWeek' | 'later';

const REASONS: DueReason[] = ['call', 'visit', 'appointment'];

/** One card of a bucket: a file with every reason it is due for, or one open promise. */
interface Entry {
  due: string;
  tier: Tier;
  customerId: number;
  items: DueItem[];
}

/** Earliest first; among equals A before B before C. ISO strings and tier letters compare as code units. */
const order = (ad: string, at: Tier, ai: number, bd: string, bt: Tier, bi: number) =>
  ad < bd ? -1 : ad > bd ? 1 : at < bt ? -1 : at > bt ? 1 : ai - bi;
const earliestFirst = (a: Entry, b: Entry) => order(a.due, a.tier, a.customerId, b.due, b.tier, b.customerId);
// The same order on the rows a card is built from, so a scoped board builds only the cards it lists.
const fileFirst = (a: DueFile, b: DueFile) => order(a.due, a.tier, a.id, b.due, b.tier, b.id);
const promiseFirst = (a: OpenCommitment, b: OpenCommitment) =>
  order(a.dueAt, a.tier, a.customerId, b.dueAt, b.tier, b.customerId) || a.id - b.id;

/**
 * The board: calls, visits, appointments and open commitments due before the end of the window,
 * in buckets of the user's local days: overdue, today, tomorrow, the rest of this week (the ISO
 * week, Monday to Sunday, in the configured zone — the focus notes' week) and later in the window.
 * A file stands in the bucket of its earliest due (the dashboard's one card per customer), with
 * every reason it is due for before the window's end, each at its own instant; a promise stands
 * in the bucket of its own. Each bucket is an indexed range query with a LIMIT and an indexed
 * count, so 100,000 files answer as fast as 100 and the answer stays small: the earliest
 * `limit` cards of each bucket (a file or a promise) plus the full counts of cards.
 */
export async function dueBoard(
  store: Store,
  now: Date,
  settings: Settings,
  withinDays: number,
  viewer: Viewer,
  owner?: string,
  limit = 200,
  countCap = BOARD_COUNT_CAP,
): Promise<DueBoard> {
  const tz = settings.timeZone;
  const t = now.toISOString();
  const day = (n: number) => dayStart(now, tz, n).toISOString();
  const end = day(Math.max(1, withinDays));
  const upTo = (x: string) => (x < end ? x : end);
  const weekLeft = daysToNextWeek(now, tz);
  const nextWeek = day(weekLeft);
  const bounds: Record<Bucket, [string, string]> = {
    overdue: ['', t],
    today: [t, upTo(day(1))],
    tomorrow: [day(1), upTo(day(2))],
    thisWeek: [day(2), upTo(nextWeek)],
    later: [day(Math.max(2, weekLeft)), end],
  };
  const buckets = Object.keys(bounds) as Bucket[];
  const open = buckets.filter((b) => bounds[b][0] < bounds[b][1]);
  const ranges = open.map((b) => ({ from: bounds[b][0], to: bounds[b][1] }));
  const board: DueBoard = {
    now: t,
    overdue: [],
    today: [],
    tomorrow: [],
    thisWeek: [],
    later: [],
    counts: { overdue: 0, today: 0, tomorrow: 0, thisWeek: 0, later: 0 },
    countsAtLeast: [],
    limit,
  };
  const counts = board.counts as Record<Bucket, number>;
  const entries: Record<Bucket, Entry[]> = { overdue: [], today: [], tomorrow: [], thisWeek: [], later: [] };
  const bucketOf = (due: string): Bucket | null =>
    buckets.find((b) => due >= bounds[b][0] && due < bounds[b][1]) ?? null;
  const fileEntry = (f: DueFile): Entry => ({
    due: f.due,
    tier: f.tier,
    customerId: f.id,
    items: REASONS.flatMap((reason) => {
      const due = f[reason];
      return due && due < end ? [{ customerId: f.id, name: f.name, tier: f.tier, reason, due }] : [];
    }).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0)),
  });
  const promiseEntry = (c: OpenCommitment): Entry => ({
    due: c.dueAt,
    tier: c.tier,
    customerId: c.customerId,
    items: [
      {
        customerId: c.customerId,
        name: c.name,
        tier: c.tier,
        reason: 'commitment',
        due: c.dueAt,
        commitmentId: c.id,
        text: c.text,
      },
    ],
  });
  // Buckets whose count on a department's board stopped at the cap.
  const atLeast = new Set<Bucket>();
  // A member's (or one owner's) files are read through the owner index and bucketed here:
  // counted in their buckets, with cards built only for the earliest `limit` of each (a card for
  // each of an owner's 4,000 files took a seventh of the board's time, measured).
  // All files of a manager are many: one indexed range query per bucket instead, files and promises.
  if (viewer.role !== 'manager' || owner !== undefined) {
    const inBuckets = <T>(rows: T[], due: (row: T) => string) => {
      const out = new Map<Bucket, T[]>(buckets.map((b) => [b, []]));
      for (const row of rows) {
        const bucket = bucketOf(due(row));
        if (bucket) out.get(bucket)?.push(row);
      }
      return out;
    };
    const files = inBuckets(await store.board.dueFiles(viewer, end, owner), (f) => f.due);
    const promises = inBuckets(await store.board.openCommitments(viewer, end, owner), (c) => c.dueAt);
    for (const bucket of buckets) {
      const f = files.get(bucket) ?? [];
      const p = promises.get(bucket) ?? [];
      counts[bucket] = f.length + p.length;
      entries[bucket] = [
        ...f.sort(fileFirst).slice(0, limit).map(fileEntry),
        ...p.sort(promiseFirst).slice(0, limit).map(promiseEntry),
      ];
    }
  } else {
    const files = await store.board.dueIn(ranges, limit, countCap);
    const promises = await store.board.commitmentsIn(ranges, limit, countCap);
    for (const [i, bucket] of open.entries()) {
      for (const found of [files[i], promises[i]]) {
        if (!found) continue;
        if (found.count > countCap) atLeast.add(bucket);
        counts[bucket] += Math.min(found.count, countCap);
      }
      entries[bucket] = [
        ...(files[i]?.earliest ?? []).map(fileEntry),
        ...(promises[i]?.earliest ?? []).map(promiseEntry),
      ];
    }
  }
  board.countsAtLeast = buckets.filter((b) => atLeast.has(b));
  for (const bucket of buckets)
    board[bucket] = entries[bucket]
      .sort(earliestFirst)
      .slice(0, limit)
      .flatMap((e) => e.items);
  const listed = new Set(buckets.flatMap((b) => (board[b as Bucket] ?? []).map((i) => i.customerId)));
  const contacts = new Map((await store.board.contacts([...listed])).map((c) => [c.customerId, c]));
  for (const bucket of buckets as Bucket[])
    for (const item of board[bucket] ?? []) {
      const c = contacts.get(item.customerId);
      item.contact = c ? { personId: c.personId, name: c.name, phone: c.phone } : null;
    }
  return board;
}
