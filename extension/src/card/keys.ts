import type { ContextQuery } from '@dossier/shared';

/**
 * The background's cache of cards is keyed by where a card is about — not to be confused with a
 * customer's matching keys (domain, credit code, ICP number, name…), which the server matches a
 * page against. A card key is one of:
 * - a page's registrable domain (card/page.ts: www.x.com.cn and hr.x.com.cn share one card);
 * - `page:<url>`, a page's own card, found by the keys the page shows (card/page-keys.ts);
 * - `mail:<address>`, a webmail sender's card;
 * - `customer:<id>`, a write made from the dashboard, about no page;
 * - `found:<id>`, a customer opened from the panel's search that has no website, by another key.
 */
export type CardKey = string;

const SENDER_PREFIX = 'mail:';

/**
 * The context cache key of a sender. Per address, not per domain: two people of one company
 * share the customer but not the person the card names, and a free-mailbox domain (qq.com)
 * is nobody's company at all. Case-insensitive, as mail systems treat addresses.
 */
export function senderKey(email: string): CardKey {
  return SENDER_PREFIX + email.trim().toLowerCase();
}

export function isSenderKey(key: CardKey): boolean {
  return key.startsWith(SENDER_PREFIX);
}

/** What to ask /api/context for a sender: the server tries the address, then the domain unless free. */
export function senderQuery(email: string): ContextQuery {
  return { email: email.trim().toLowerCase() };
}

const CUSTOMER_PREFIX = 'customer:';

/** The card key of a write made from the dashboard: tied to no page, only to its customer. */
export const customerCardKey = (customerId: number): CardKey => `${CUSTOMER_PREFIX}${customerId}`;

/** The customer a dashboard write's card key names, or null for any other card key. */
export function customerOfCardKey(key: CardKey): number | null {
  if (!key.startsWith(CUSTOMER_PREFIX)) return null;
  const id = Number(key.slice(CUSTOMER_PREFIX.length));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** The card key of a customer opened from the panel's search by a key other than a website. */
export const foundCardKey = (customerId: number): CardKey => `found:${customerId}`;
