import type { DueBoard, DueItem, Settings, Tier } from '@dossier/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { dayStart } from '../lib/time.ts';
import { type Viewer, visible } from './visibility.ts';

type Bucket = 'overdue' | 'today' | 'tomorrow' | 'thisWeek';
type Reason = 'call' | 'visit' | 'appointment';

/** Each due column has its own partial index (migration 0005), so every bucket is a range scan. */
const COLUMN: Record<Reason, SQL> = {
  call: sql.raw('next_call_due'),
  visit: sql.raw('next_visit_due'),
  appointment: sql.raw('appointment_at'),
};

/**
 * The board: calls, visits, appointments and open commitments due before the end of the window,
 * in buckets of the user's local days. Every bucket × reason is an indexed range query with a
 * LIMIT and an indexed count, so 100,000 files answer as fast as 100 and the answer stays small:
 * the earliest `limit` items of each bucket plus the full counts.
 */
export function dueBoard(
  db: Db,
  now: Date,
  settings: Settings,
  withinDays: number,
  viewer: Viewer,
  owner?: string,
  limit = 200,
): DueBoard {
  const tz = settings.timeZone;
  const t = now.toISOString();
  const day = (n: number) => dayStart(now, tz, n).toISOString();
  const end = day(Math.max(1, withinDays));
  const upTo = (x: string) => (x < end ? x : end);
  const bounds: Record<Bucket, [string, string]> = {
    overdue: ['', t],
    today: [t, upTo(day(1))],
    tomorrow: [day(1), upTo(day(2))],
    thisWeek: [day(2), end],
  };
  const scope = sql`deleted_at is null and status <> 'lost' and ${visible(viewer)} ${owner ? sql`and owner = ${owner}` : sql``}`;
  const board: DueBoard = {
    now: t,
    overdue: [],
    today: [],
    tomorrow: [],
    thisWeek: [],
    counts: { overdue: 0, today: 0, tomorrow: 0, thisWeek: 0 },
    limit,
  };
  // A member's (or one owner's) files are few: read them through the owner index and bucket here.
  // All files of a manager are many: one indexed range query per bucket and reason instead.
  const narrow = viewer.role !== 'manager' || owner !== undefined;
  const bucketOf = (due: string): Bucket | null =>
    (Object.keys(bounds) as Bucket[]).find((b) => due >= bounds[b][0] && due < bounds[b][1]) ?? null;
  const collected: Record<Bucket, DueItem[]> = { overdue: [], today: [], tomorrow: [], thisWeek: [] };
  if (narrow) {
    const rows = db.all<{
      id: number;
      name: string;
      tier: Tier;
      call: string;
      visit: string;
      appointment: string | null;
    }>(sql`
      select id, name, tier, next_call_due as call, next_visit_due as visit, appointment_at as appointment from customers
      where ${scope} and next_due < ${end}`);
    for (const r of rows) {
      for (const reason of ['call', 'visit', 'appointment'] as const) {
        const due = r[reason];
        const bucket = due ? bucketOf(due) : null;
        if (due && bucket) collected[bucket].push({ customerId: r.id, name: r.name, tier: r.tier, reason, due });
      }
    }
    for (const b of Object.keys(collected) as Bucket[]) board.counts[b] = collected[b].length;
  } else {
    for (const bucket of Object.keys(bounds) as Bucket[]) {
      const [lo, hi] = bounds[bucket];
      if (lo >= hi) continue;
      for (const reason of Object.keys(COLUMN) as Reason[]) {
        const col = COLUMN[reason];
        const range = sql`${col} >= ${lo} and ${col} < ${hi} and ${scope}`;
        board.counts[bucket] += db.get<{ n: number }>(sql`select count(*) as n from customers where ${range}`)?.n ?? 0;
        const rows = db.all<{ id: number; name: string; tier: Tier; due: string }>(
          sql`select id, name, tier, ${col} as due from customers where ${range} order by ${col} limit ${limit}`,
        );
        for (const r of rows)
          collected[bucket].push({ customerId: r.id, name: r.name, tier: r.tier, reason, due: r.due });
      }
    }
  }
  const commitments = db.all<{
    id: number;
    customer_id: number;
    text: string;
    due_at: string;
    name: string;
    tier: Tier;
  }>(sql`
    select m.id, m.customer_id, m.text, m.due_at, c.name, c.tier from commitments m join customers c on c.id = m.customer_id
    where m.kept_at is null and m.due_at < ${end} and c.deleted_at is null and c.status <> 'lost'
      and ${visible(viewer, 'c')} ${owner ? sql`and c.owner = ${owner}` : sql``}`);
  for (const c of commitments) {
    const bucket = bucketOf(c.due_at);
    if (!bucket) continue;
    collected[bucket].push({
      customerId: c.customer_id,
      name: c.name,
      tier: c.tier,
      reason: 'commitment',
      due: c.due_at,
      commitmentId: c.id,
      text: c.text,
    });
    board.counts[bucket]++;
  }
  for (const bucket of Object.keys(collected) as Bucket[]) {
    // Earliest first; among equals A before B before C. ISO strings and tier letters compare as code units.
    collected[bucket].sort((a, b) =>
      a.due < b.due ? -1 : a.due > b.due ? 1 : a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : a.customerId - b.customerId,
    );
    board[bucket] = collected[bucket].slice(0, limit);
  }
  return board;
}
