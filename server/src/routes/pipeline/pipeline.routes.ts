import { Pipeline, Stage } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { visible } from '../../services/visibility.ts';

export const pipelineDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/pipeline',
    summary:
      'Cases by stage (land won → contacted → serviced → proposal → signed → after-sales) with follow-up counts and next steps',
    responses: { 200: Pipeline },
  },
];

/** Seed 004: track each case step by step to completion; most deals close after the 4th–11th follow-up. */
export const pipelineRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', (c) => {
    const rows = deps.db.all<{
      id: number;
      name: string;
      tier: 'A' | 'B' | 'C';
      owner: string | null;
      stage: string;
      follow_ups: number;
      next_due: string;
      next_step: string | null;
    }>(sql`
      select id, name, tier, owner, stage, follow_ups, next_due, next_step from customers
      where deleted_at is null and status <> 'lost' and stage is not null and ${visible(c.get('viewer'))}
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
    return c.json({ stages }, 200);
  });
