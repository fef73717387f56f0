import type { Tier } from '@dossier/shared';
import type { ContextView } from './view.ts';

/** What a tab's toolbar badge is painted from: its file's tier, whether it is lost, whether anything is overdue. */
export interface BadgeFacts {
  tier: Tier;
  lost: boolean;
  overdue: boolean;
}

/** The facts of a card (null for browser pages, unknown sites and errors). */
export function factsOf(view: ContextView | null): BadgeFacts | null {
  if (view?.state !== 'customer' || !view.answer.tier) return null;
  return { tier: view.answer.tier, lost: view.answer.lost !== null, overdue: view.answer.overdue.any };
}
