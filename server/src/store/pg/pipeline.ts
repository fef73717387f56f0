import { addDays, type LostReason, type Tier } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import type { LostFile, PipelineCase, PipelineStore } from '../pipeline.ts';
import type { PgExecutor } from './executor.ts';
import { visible } from './visibility.ts';

/**
 * The day after a YYYY-MM-DD day, worked out here instead of in SQL (SQLite says
 * date(day, '+1 day')); null for a day that is not one, which SQLite's date() answers with NULL
 * and so matches nothing.
 */
function dayAfter(day: string): string | null {
  const at = addDays(`${day}T00:00:00Z`, 1);
  return Number.isNaN(at.getTime()) ? null : at.toISOString().slice(0, 10);
}

export function pgPipeline(db: PgExecutor): PipelineStore {
  return {
    async cases(viewer) {
      const rows = await db.execute<PipelineCase & Record<string, unknown>>(sql`
        select id, name, tier, owner, stage, follow_ups as "followUps", next_due as "nextDue", next_step as "nextStep"
        from customers
        where deleted_at is null and status <> 'lost' and stage is not null and ${visible(viewer)}
        order by next_due, id`);
      return rows.rows;
    },
    async lost(viewer, from, to) {
      const until = to ? dayAfter(to) : undefined;
      const rows = await db.execute<{
        id: number;
        name: string;
        tier: Tier;
        owner: string | null;
        lostAt: string | null;
        lostReasonCode: LostReason | null;
        lostReason: string | null;
      }>(sql`
        select id, name, tier, owner, lost_at as "lostAt", lost_reason_code as "lostReasonCode", lost_reason as "lostReason"
        from customers
        where deleted_at is null and status = 'lost' and ${visible(viewer)}
          ${from ? sql`and lost_at >= ${from}` : sql``}
          ${until === undefined ? sql`` : until === null ? sql`and false` : sql`and lost_at < ${until}`}
        order by lost_at desc nulls last, id`);
      return rows.rows satisfies LostFile[];
    },
  };
}
