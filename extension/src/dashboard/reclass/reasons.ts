import type { ReclassReason } from '@dossier/shared';
import type { ReasonWords } from './words.ts';

/** A proposal's reason in the user's language, from the code and the figures the server sent. */
export function reasonText(r: ReclassReason, w: ReasonWords): string {
  const n = r.count ?? 0;
  const e = r.expected ?? 0;
  switch (r.code) {
    case 'intention_high':
      return w.intention_high(n);
    case 'intention_low':
      return w.intention_low(n);
    case 'calls_below_cadence':
      return w.calls_below_cadence(n, e);
    case 'calls_met_cadence':
      return w.calls_met_cadence(n, e);
    case 'silent_month':
      return w.silent_month;
    case 'signed':
      return w.signed;
    case 'land_won':
      return w.land_won;
    case 'visits_made':
      return w.visits_made(n);
    default:
      return w.unknown(r.code);
  }
}

/** How far a tier's share is from the seed's guide (A 20%, B 40%, C 40%), in percentage points. */
export function guideGap(share: number, guide: number): number {
  return Math.round((share - guide) * 100);
}
