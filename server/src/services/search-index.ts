import { phoneDigits, registrableDomain } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import { type Conn, preparedFor } from '../db/client.ts';

/** What follows each two-character piece in the `bigrams` column (see drizzle/0006). */
export const BIGRAM_END = '¦';

/**
 * Every two-character piece of the names, not across a space, each once and each followed by
 * ¦: the trigram "嘉华¦" then occurs exactly where 嘉华 occurs in a name. Must give the pieces
 * the 0006 migration computes in SQL for rows written before it.
 */
export function nameBigrams(names: string): string {
  const chars = [...names];
  const pieces = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const piece = `${chars[i]}${chars[i + 1]}`;
    if (!piece.includes(' ')) pieces.add(piece);
  }
  return [...pieces].map((p) => p + BIGRAM_END).join('');
}

export interface SearchCustomer {
  name: string;
  initials: string;
  pinyin: string;
  phones: string;
  emails: string;
  website: string | null;
}
export interface SearchPerson {
  name: string;
  mobile: string | null;
  direct_line: string | null;
  email: string | null;
}
export interface SearchKey {
  kind: string;
  value: string;
}

/**
 * The search row of one live customer from its row, live people and keys, in the column order
 * of customer_search (name, initials, pinyin, phones, domains, emails, bigrams). One builder for
 * the per-customer reindex below and the batch one of imports (transfer/reindex.ts).
 */
export function searchRow(c: SearchCustomer, people: SearchPerson[], keys: SearchKey[]): string[] {
  const phones = [...(JSON.parse(c.phones) as string[]), ...people.flatMap((p) => [p.mobile, p.direct_line])]
    .filter((p): p is string => !!p)
    .map(phoneDigits)
    .filter(Boolean);
  const domains = [
    ...keys.filter((k) => k.kind === 'domain' || k.kind === 'email_domain').map((k) => k.value),
    c.website ? registrableDomain(c.website) : null,
  ].filter(Boolean);
  const emails = [...(JSON.parse(c.emails) as string[]), ...people.map((p) => p.email)].filter(Boolean);
  const names = [c.name, ...people.map((p) => p.name)].join(' ');
  return [
    names,
    c.initials,
    c.pinyin,
    phones.join(' '),
    [...new Set(domains)].join(' '),
    emails.join(' '),
    nameBigrams(names),
  ];
}

const statements = preparedFor((client) => ({
  current: client.prepare(
    'select name, initials, pinyin, phones, domains, emails, bigrams from customer_search where rowid = ?',
  ),
  drop: client.prepare('delete from customer_search where rowid = ?'),
  insert: client.prepare(`insert into customer_search (rowid, name, initials, pinyin, phones, domains, emails, bigrams)
    values (?, ?, ?, ?, ?, ?, ?, ?)`),
}));

/**
 * Rewrites the customer's row in the FTS5 trigram table from the customer, its keys and people.
 * Called in the same transaction as any change to those, so search never lags behind. A row that
 * would come out the same is left alone: rewriting an FTS row deletes and re-adds every trigram,
 * and a capture that adds nothing new (the same page clipped again) would pay that for nothing.
 */
export function reindexCustomer(db: Conn, customerId: number): void {
  const s = statements(db);
  const c = db.get<SearchCustomer & { deleted_at: string | null }>(
    sql`select name, initials, pinyin, phones, emails, website, deleted_at from customers where id = ${customerId}`,
  );
  const existing = s.current.raw().get(customerId) as string[] | undefined;
  if (!c || c.deleted_at) {
    if (existing) s.drop.run(customerId);
    return;
  }
  const people = db.all<SearchPerson>(
    sql`select name, mobile, direct_line, email from people where customer_id = ${customerId} and deleted_at is null`,
  );
  const keys = db.all<SearchKey>(sql`select kind, value from customer_keys where customer_id = ${customerId}`);
  const row = searchRow(c, people, keys);
  if (existing && row.every((v, i) => v === existing[i])) return;
  if (existing) s.drop.run(customerId);
  s.insert.run(customerId, ...row);
}
