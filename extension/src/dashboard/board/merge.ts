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
 * How many of the server's entries a column lists: each file once (it comes with all its reasons)
 * and each promise; the server counts and limits its columns in these.
 */
export function listedEntries(items: readonly DueItem[]): number {
  return new Set(items.map((i) => (i.reason === 'commitment' ? `promise ${i.commitmentId}` : `file ${i.customerId}`)))
    .size;
}

/**
 * One card per customer: the server lists a file once, in the column of its earliest due, with
 * every reason; its promises come in the columns of their own due and are merged here, so a
 * customer due for a call with a promise the day before is one card holding both.
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
