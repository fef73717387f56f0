import type { Lost, LostReason, Tier } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type Viewer, visible } from './visibility.ts';

const tally = (xs: string[]) => {
  const counts: Record<string, number> = {};
  for (const x of xs) counts[x] = (counts[x] ?? 0) + 1;
  return counts;
};

/**
 * Seed 003: record why, which and when customers were lost, then analyse. `from` and `to` are
 * calendar days, both included.
 */
export function lostCustomers(db: Db, viewer: Viewer, from?: string, to?: string): Lost {
  const rows = db.all<{
    id: number;
    name: string;
    tier: Tier;
    owner: string | null;
    lost_at: string | null;
    lost_reason_code: LostReason | null;
    lost_reason: string | null;
  }>(sql`
    select id, name, tier, owner, lost_at, lost_reason_code, lost_reason from customers
    where deleted_at is null and status = 'lost' and ${visible(viewer)}
      ${from ? sql`and lost_at >= ${from}` : sql``} ${to ? sql`and lost_at < date(${to}, '+1 day')` : sql``}
    order by lost_at desc`);
  const customers = rows.map((r) => ({
    id: r.id,
    name: r.name,
    tier: r.tier,
    owner: r.owner,
    lostAt: r.lost_at,
    lostReasonCode: r.lost_reason_code,
    lostReason: r.lost_reason,
  }));
  return {
    customers,
    byTier: tally(customers.map((x) => x.tier)),
    byOwner: tally(customers.map((x) => x.owner ?? '—')),
    byReason: tally(customers.map((x) => x.lostReasonCode ?? 'other')),
  };
}
