import { type Pipeline, Stage } from '@dossier/shared';
import type { Store } from '../store/store.ts';
import type { Viewer } from './visibility.ts';

/**
 * Seed 004: track each case step by step to completion (most deals close after the 4th–11th
 * follow-up). Every live, not-lost file with a stage, grouped by stage in the seed's order,
 * earliest due first within a stage.
 */
export async function pipeline(store: Store, viewer: Viewer): Promise<Pipeline> {
  const rows = await store.pipeline.cases(viewer);
  const stages = Stage.options.map((stage) => {
    const cases = rows
      .filter((r) => r.stage === stage)
      .map((r) => ({
        id: r.id,
        name: r.name,
        tier: r.tier,
        owner: r.owner,
        followUps: r.followUps,
        nextDue: r.nextDue,
        nextStep: r.nextStep,
      }));
    return { stage, count: cases.length, followUps: cases.reduce((s, x) => s + x.followUps, 0), cases };
  });
  return { stages };
}
