import type { LostReason, Tier } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { PipelineStore } from '../pipeline.ts';
import { visible } from './visibility.ts';

export function sqlitePipeline(db: Db): PipelineStore {
  return {
    async cases(viewer) {
      const rows = db.all<{
        id: number;
        name: string;
        tier: Tier;
        owner: string | null;
        stage: string;
        follow_ups: number;
        next_due: string;
        next_step: string | null;
      }>(sql`
        select id, name, tier, owner, stage, follow_ups, next_due, next_step from customers
        where deleted_at is null and status <> 'lost' and stage is not null and ${visible(viewer)}
        order by next_due`);
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        tier: r.tier,
        owner: r.owner,
        stage: r.stage,
        followUps: r.follow_ups,
        nextDue: r.next_due,
        nextStep: r.next_step,
      }));
    },
    async lost(viewer, from, until) {
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
          ${from ? sql`and lost_at >= ${from}` : sql``} ${until ? sql`and lost_at < ${until}` : sql``}
        order by lost_at desc`);
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        tier: r.tier,
        owner: r.owner,
        lostAt: r.lost_at,
        lostReasonCode: r.lost_reason_code,
        lostReason: r.lost_reason,
      }));
    },
  };
}
