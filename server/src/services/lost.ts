import { type Lost, localDayStart } from '@dossier/shared';
import type { Store } from '../store/store.ts';
import type { Viewer } from './visibility.ts';

const tally = (xs: string[]) => {
  const counts: Record<string, number> = {};
  for (const x of xs) counts[x] = (counts[x] ?? 0) + 1;
  return counts;
};

/**
 * Seed 003: record why, which and when customers were lost, then analyse. `from` and `to` are
 * calendar days of the user's zone, both included (a file lost at 07:45 in Shanghai is lost that
 * day, not the UTC day before).
 */
export async function lostCustomers(
  store: Store,
  viewer: Viewer,
  timeZone: string,
  from?: string,
  to?: string,
): Promise<Lost> {
  const customers = await store.pipeline.lost(
    viewer,
    from ? localDayStart(from, timeZone).toISOString() : undefined,
    to ? localDayStart(to, timeZone, 1).toISOString() : undefined,
  );
  return {
    customers,
    byTier: tally(customers.map((x) => x.tier)),
    byOwner: tally(customers.map((x) => x.owner ?? '—')),
    byReason: tally(customers.map((x) => x.lostReasonCode ?? 'other')),
  };
}
