import { phoneDigits, registrableDomain } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import type { Conn } from '../db/client.ts';

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

/**
 * Rewrites the customer's row in the FTS5 trigram table from the customer, its keys and people.
 * Called in the same transaction as any change to those, so search never lags behind.
 */
export function reindexCustomer(db: Conn, customerId: number): void {
  db.run(sql`delete from customer_search where rowid = ${customerId}`);
  const c = db.get<{
    name: string;
    initials: string;
    pinyin: string;
    phones: string;
    emails: string;
    website: string | null;
    deleted_at: string | null;
  }>(sql`select name, initials, pinyin, phones, emails, website, deleted_at from customers where id = ${customerId}`);
  if (!c || c.deleted_at) return;
  const ppl = db.all<{ name: string; mobile: string | null; direct_line: string | null; email: string | null }>(
    sql`select name, mobile, direct_line, email from people where customer_id = ${customerId} and deleted_at is null`,
  );
  const keys = db.all<{ kind: string; value: string }>(
    sql`select kind, value from customer_keys where customer_id = ${customerId}`,
  );
  const phones = [...(JSON.parse(c.phones) as string[]), ...ppl.flatMap((p) => [p.mobile, p.direct_line])]
    .filter((p): p is string => !!p)
    .map(phoneDigits)
    .filter(Boolean);
  const domains = [
    ...keys.filter((k) => k.kind === 'domain' || k.kind === 'email_domain').map((k) => k.value),
    c.website ? registrableDomain(c.website) : null,
  ].filter(Boolean);
  const emails = [...(JSON.parse(c.emails) as string[]), ...ppl.map((p) => p.email)].filter(Boolean);
  const names = [c.name, ...ppl.map((p) => p.name)].join(' ');
  db.run(sql`insert into customer_search (rowid, name, initials, pinyin, phones, domains, emails, bigrams)
    values (${customerId}, ${names}, ${c.initials}, ${c.pinyin}, ${phones.join(' ')}, ${[...new Set(domains)].join(' ')}, ${emails.join(' ')}, ${nameBigrams(names)})`);
}
