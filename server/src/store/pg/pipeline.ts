import type { LostReason, Tier } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import type { LostFile, PipelineCase, PipelineStore } from '../pipeline.ts';
import type { PgExecutor } from './executor.ts';
import { visible } from './visibility.ts';

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
    async lost(viewer, from, until) {
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
          ${until ? sql`and lost_at < ${until}` : sql``}
        order by lost_at desc nulls last, id`);
      return rows.rows satisfies LostFile[];
    },
  };
}
