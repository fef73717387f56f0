import { Lost, type LostReason } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../deps.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { validate } from '../../lib/validate.ts';
import { visible } from '../../services/visibility.ts';

const Query = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });

export const lostDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/lost',
    summary: 'Lost customers: which, when and why, counted by tier, owner and reason',
    query: Query,
    responses: { 200: Lost },
  },
];

const tally = (xs: string[]) => {
  const counts: Record<string, number> = {};
  for (const x of xs) counts[x] = (counts[x] ?? 0) + 1;
  return counts;
};

/** Seed 003: record why, which and when customers were lost, then analyse. */
export const lostRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', validate('query', Query), (c) => {
    const { from, to } = c.req.valid('query');
    const rows = deps.db.all<{
      id: number;
      name: string;
      tier: 'A' | 'B' | 'C';
      owner: string | null;
      lost_at: string | null;
      lost_reason_code: z.infer<typeof LostReason> | null;
      lost_reason: string | null;
    }>(sql`
      select id, name, tier, owner, lost_at, lost_reason_code, lost_reason from customers
      where deleted_at is null and status = 'lost' and ${visible(c.get('viewer'))}
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
    return c.json(
      {
        customers,
        byTier: tally(customers.map((x) => x.tier)),
        byOwner: tally(customers.map((x) => x.owner ?? '—')),
        byReason: tally(customers.map((x) => x.lostReasonCode ?? 'other')),
      },
      200,
    );
  });
