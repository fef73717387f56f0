import { BOARD_COUNT_CAP, type DueBoard, type DueItem, type Settings } from '@dossier/shared';
import { dayStart } from '../lib/time.ts';
import type { DueRange, DueReason, OpenCommitment } from '../store/board.ts';
import type { Store } from '../store/store.ts';
import { daysToNextWeek } from './focus.ts';
import type { Viewer } from './visibility.ts';

type Bucket = 'overdue' | 'today' | 'tomorrow' | 'thisWeek' | 'later';

const REASONS: DueReason[] = ['call', 'visit', 'appointment'];

/**
 * The board: calls, visits, appointments and open commitments due before the end of the window,
 * in buckets of the user's local days: overdue, today, tomorrow, the rest of this week (the ISO
 * week, Monday to Sunday, in the configured zone — the focus notes' week) and later in the window.
 * Each item carries the number to call (`contact`); the dashboard shows one card per customer. Every bucket × reason is an indexed range query with a
 * LIMIT and an indexed count, so 100,000 files answer as fast as 100 and the answer stays small:
 * the earliest `limit` items of each bucket plus the full counts.
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
  // A member's (or one owner's) files are few: read them through the owner index and bucket here.
  // All files of a manager are many: one indexed range query per bucket and reason instead.
  const narrow = viewer.role !== 'manager' || owner !== undefined;
  const bucketOf = (due: string): Bucket | null =>
    (Object.keys(bounds) as Bucket[]).find((b) => due >= bounds[b][0] && due < bounds[b][1]) ?? null;
  const collected: Record<Bucket, DueItem[]> = { overdue: [], today: [], tomorrow: [], thisWeek: [], later: [] };
  // Buckets whose count on a department's board stopped at the cap for some reason.
  const atLeast = new Set<Bucket>();
  if (narrow) {
    for (const r of await store.board.dueFiles(viewer, end, owner)) {
      for (const reason of REASONS) {
        const due = r[reason];
        const bucket = due ? bucketOf(due) : null;
        if (due && bucket) collected[bucket].push({ customerId: r.id, name: r.name, tier: r.tier, reason, due });
      }
    }
    for (const b of Object.keys(collected) as Bucket[])
      (board.counts as Record<Bucket, number>)[b] = collected[b].length;
  } else {
    const ranges: (DueRange & { bucket: Bucket })[] = [];
    for (const bucket of Object.keys(bounds) as Bucket[]) {
      const [from, to] = bounds[bucket];
      if (from >= to) continue;
      for (const reason of REASONS) ranges.push({ bucket, reason, from, to });
    }
    const found = await store.board.dueIn(ranges, limit, countCap);
    for (const [i, { bucket, reason }] of ranges.entries()) {
      const slice = found[i];
      if (!slice) continue;
      if (slice.count > countCap) atLeast.add(bucket);
      (board.counts as Record<Bucket, number>)[bucket] += Math.min(slice.count, countCap);
      for (const r of slice.earliest)
        collected[bucket].push({ customerId: r.id, name: r.name, tier: r.tier, reason, due: r.due });
    }
  }
  const promise = (c: OpenCommitment): DueItem => ({
    customerId: c.customerId,
    name: c.name,
    tier: c.tier,
    reason: 'commitment',
    due: c.dueAt,
    commitmentId: c.id,
    text: c.text,
  });
  if (narrow) {
    for (const c of await store.board.openCommitments(viewer, end, owner)) {
      const bucket = bucketOf(c.dueAt);
      if (!bucket) continue;
      collected[bucket].push(promise(c));
      (board.counts as Record<Bucket, number>)[bucket]++;
    }
  } else {
    // A department's promises as its files: counted per bucket up to the cap, the earliest listed.
    const buckets = (Object.keys(bounds) as Bucket[]).filter((b) => bounds[b][0] < bounds[b][1]);
    const found = await store.board.commitmentsIn(
      buckets.map((b) => ({ from: bounds[b][0], to: bounds[b][1] })),
      limit,
      countCap,
    );
    for (const [i, bucket] of buckets.entries()) {
      const slice = found[i];
      if (!slice) continue;
      if (slice.count > countCap) atLeast.add(bucket);
      (board.counts as Record<Bucket, number>)[bucket] += Math.min(slice.count, countCap);
      for (const c of slice.earliest) collected[bucket].push(promise(c));
    }
  }
  board.countsAtLeast = (Object.keys(bounds) as Bucket[]).filter((b) => atLeast.has(b));
  for (const bucket of Object.keys(collected) as Bucket[]) {
    // Earliest first; among equals A before B before C. ISO strings and tier letters compare as code units.
    collected[bucket].sort((a, b) =>
      a.due < b.due ? -1 : a.due > b.due ? 1 : a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : a.customerId - b.customerId,
    );
    board[bucket] = collected[bucket].slice(0, limit);
  }
  const listed = new Set(Object.keys(collected).flatMap((b) => (board[b as Bucket] ?? []).map((i) => i.customerId)));
  const contacts = new Map((await store.board.contacts([...listed])).map((c) => [c.customerId, c]));
  for (const bucket of Object.keys(collected) as Bucket[])
    for (const item of board[bucket] ?? []) {
      const c = contacts.get(item.customerId);
      item.contact = c ? { personId: c.personId, name: c.name, phone: c.phone } : null;
    }
  return board;
}
