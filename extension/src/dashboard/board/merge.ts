import type { DueItem, Tier } from '@dossier/shared';

export const COLUMNS = ['overdue', 'today', 'tomorrow', 'thisWeek', 'later'] as const;
export type Column = (typeof COLUMNS)[number];

/** One customer on the board with every reason it is there, earliest first. */
export interface CustomerCard {
  customerId: number;
  name: string;
  tier: Tier;
  contact: DueItem['contact'];
  items: DueItem[];
}

/**
 * One card per customer (merged here, in the dashboard, not by the server — the server's columns
 * stay per reason so their counts and limits stay indexed reads): a customer due for a call and an
 * appointment is one card holding both, in the column of its earliest reason.
 * `tiers` keeps only those tiers (all when empty).
 */
export function customerCards(
  columns: Partial<Record<Column, DueItem[]>>,
  tiers: readonly Tier[] = [],
): Record<Column, CustomerCard[]> {
  const out = Object.fromEntries(COLUMNS.map((c) => [c, [] as CustomerCard[]])) as Record<Column, CustomerCard[]>;
  const seen = new Map<number, CustomerCard>();
  for (const col of COLUMNS)
    for (const item of columns[col] ?? []) {
      if (tiers.length && !tiers.includes(item.tier)) continue;
      const card = seen.get(item.customerId);
      if (card) {
        card.items.push(item);
        card.contact ??= item.contact;
        continue;
      }
      const fresh: CustomerCard = {
        customerId: item.customerId,
        name: item.name,
        tier: item.tier,
        contact: item.contact,
        items: [item],
      };
      seen.set(item.customerId, fresh);
      out[col].push(fresh);
    }
  for (const card of seen.values()) card.items.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return out;
}
