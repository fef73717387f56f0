import { type ContextBadge, siteKey } from '@dossier/shared';
import type { Store } from '../store/store.ts';
import type { Viewer } from './visibility.ts';

const NONE: ContextBadge = {
  customerId: null,
  name: null,
  tier: null,
  lost: false,
  nextCallDue: null,
  nextVisitDue: null,
  nextDue: null,
  appointment: null,
  overdue: { call: false, visit: false, appointment: false, any: false },
};

type DueRow = {
  status: string;
  nextCallDue: string;
  nextVisitDue: string;
  nextDue: string;
  appointmentAt: string | null;
};

/**
 * What a file owes as of `now`, for the badge and the card alike: a lost file is history, not
 * work — no due dates and nothing overdue.
 */
export function dueOf(row: DueRow, now: Date): Omit<ContextBadge, 'customerId' | 'name' | 'tier'> {
  const lost = row.status === 'lost';
  const t = now.toISOString();
  const call = !lost && row.nextCallDue < t;
  const visit = !lost && row.nextVisitDue < t;
  const appointment = !lost && row.appointmentAt !== null && row.appointmentAt < t;
  return {
    lost,
    nextCallDue: lost ? null : row.nextCallDue,
    nextVisitDue: lost ? null : row.nextVisitDue,
    nextDue: lost ? null : row.nextDue,
    appointment: lost ? null : row.appointmentAt,
    overdue: { call, visit, appointment, any: call || visit || appointment },
  };
}

/**
 * The badge for a page: its file's tier and what is due. The toolbar asks on every tab switch:
 * one statement joining the page's domain key to the file's materialised due fields (the card,
 * with its people and history, is asked for only when the panel opens).
 */
export async function badgeFor(store: Store, url: string, now: Date, viewer: Viewer): Promise<ContextBadge> {
  const domain = siteKey(url);
  if (!domain) return NONE;
  const row = await store.context.badge(domain, viewer);
  if (!row) return NONE;
  return { customerId: row.id, name: row.name, tier: row.tier, ...dueOf(row, now) };
}
