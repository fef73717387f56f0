import type { Lost } from '@dossier/shared';
import type { Store } from '../store/store.ts';
import type { Viewer } from './visibility.ts';

const tally = (xs: string[]) => {
  const counts: Record<string, number> = {};
  for (const x of xs) counts[x] = (counts[x] ?? 0) + 1;
  return counts;
};

/**
 * Seed 003: record why, which and when customers were lost, then analyse. `from` and `to` are
 * calendar days, both included.
 */
export async function lostCustomers(store: Store, viewer: Viewer, from?: string, to?: string): Promise<Lost> {
  const customers = await store.pipeline.lost(viewer, from, to);
  return {
    customers,
    byTier: tally(customers.map((x) => x.tier)),
    byOwner: tally(customers.map((x) => x.owner ?? '—')),
    byReason: tally(customers.map((x) => x.lostReasonCode ?? 'other')),
  };
}
