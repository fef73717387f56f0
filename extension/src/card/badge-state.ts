import type { Tier } from '@dossier/shared';
import type { BadgeFacts } from './badge-facts.ts';

export interface BadgeState {
  text: string;
  color: string;
}

/** Distinct from the overdue red, and from each other at a glance. */
export const TIER_COLORS: Record<Tier, string> = { A: '#1d4ed8', B: '#0f766e', C: '#64748b' };
export const OVERDUE_COLOR = '#dc2626';
export const WAITING_COLOR = '#b45309';
/** A lost file: neutral grey, never the overdue red (nothing is due on a lost file). */
export const LOST_COLOR = '#9ca3af';
const NONE: BadgeState = { text: '', color: '#64748b' };

export interface OutboxBadgeInput {
  waiting: number;
  /** The last delivery attempt could not reach the server (or the token was refused). */
  stalled: boolean;
}

/**
 * The toolbar badge for one tab, from its file's facts alone (no script in the page): the tier
 * letter on a tier colour, red when anything is overdue, neutral grey for a lost file. While
 * writes are stuck waiting for an unreachable server, the count of them wins: the user must
 * know their calls haven't arrived yet.
 */
export function badgeFor(facts: BadgeFacts | null, outbox: OutboxBadgeInput): BadgeState {
  if (outbox.stalled && outbox.waiting > 0) {
    return { text: outbox.waiting > 99 ? '99+' : String(outbox.waiting), color: WAITING_COLOR };
  }
  if (!facts) return NONE;
  if (facts.lost) return { text: facts.tier, color: LOST_COLOR };
  return { text: facts.tier, color: facts.overdue ? OVERDUE_COLOR : TIER_COLORS[facts.tier] };
}
