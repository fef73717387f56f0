import { type Pipeline, Stage, type Tier } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type Viewer, visible } from './visibility.ts';

/**
 * Seed 004: track each case step by step to completion (most deals close after the 4th–11th
 * follow-up). Every live, not-lost file with a stage, grouped by stage in the seed's order,
 * earliest due first within a stage.
 */
export function pipeline(db: Db, viewer: Viewer): Pipeline {
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
  const stages = Stage.options.map((stage) => {
    const cases = rows
      .filter((r) => r.stage === stage)
      .map((r) => ({
        id: r.id,
        name: r.name,
        tier: r.tier,
        owner: r.owner,
        followUps: r.follow_ups,
        nextDue: r.next_due,
        nextStep: r.next_step,
      }));
    return { stage, count: cases.length, followUps: cases.reduce((s, x) => s + x.followUps, 0), cases };
  });
  return { stages };
}
