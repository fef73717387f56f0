import { phoneSearchDigits, registrableDomain, toHalfWidth } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { BIGRAM_END } from './search-index.ts';
import { type Viewer, visible } from './visibility.ts';

type Hit = { id: number; name: string; tier: 'A' | 'B' | 'C'; status: string; next_due: string; matched: string };

const COLUMNS = ['name', 'initials', 'pinyin', 'phones', 'domains', 'emails'] as const;

/** A user's words as one FTS5 phrase: quotes doubled, so `"`, `*`, NEAR or `(` are plain text. */
const phrase = (q: string) => `"${q.replaceAll('"', '""')}"`;
const likeEscape = (q: string) => q.replace(/[\\%_]/g, (m) => `\\${m}`);

const CANDIDATES = 2000;

/** The registrable domain of a query that is a web address or a host name, else null. */
function webDomain(q: string): string | null {
  if (q.includes('@') || /\s/.test(q) || !/^(https?:\/\/|www\.)|^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/.test(q)) return null;
  return registrableDomain(q);
}

/**
 * Finds customers by name (substring, Chinese too), pinyin initials (`jhrt` → 嘉华融通), full
 * pinyin, phone digits, domain or e-mail. Three characters or more go through the FTS5 trigram
 * index, two (a common Chinese name fragment) through its bigrams column; one uses LIKE.
 */
export function searchCustomers(db: Db, raw: string, limit: number, viewer: Viewer) {
  const q = toHalfWidth(raw).trim().toLowerCase();
  const digits = q.replace(/[\s\-()+.]/g, '');
  const isPhone = /^\d{3,}$/.test(digits);
  // A whole number is looked for as its national digits, which every stored form contains; a
  // web address or host as its registrable domain (www.xz-land.com.cn/about → xz-land.com.cn).
  const needle = isPhone ? (phoneSearchDigits(q) ?? digits) : (webDomain(q) ?? q);
  let hits: Hit[];
  if ([...needle].length >= 3) {
    hits = db
      .all<Hit & { [k: string]: unknown }>(sql`
      select c.id, c.name, c.tier, c.status, c.next_due,
        s.name as s_name, s.initials as s_initials, s.pinyin as s_pinyin, s.phones as s_phones, s.domains as s_domains, s.emails as s_emails
      from customer_search s join customers c on c.id = s.rowid
      where customer_search match ${phrase(needle)} and c.deleted_at is null and ${visible(viewer, 'c')}
      order by (s.initials like ${`${likeEscape(needle)}%`} escape '\\') desc, bm25(customer_search), c.name
      limit ${limit}`)
      .map((h) => ({
        ...h,
        matched:
          COLUMNS.find((col) =>
            String(h[`s_${col}`] ?? '')
              .toLowerCase()
              .includes(needle),
          ) ?? 'name',
      }));
  } else if ([...needle].length === 2) {
    // Two characters (嘉华): the bigrams column (see nameBigrams), and initials by index range.
    // The candidates are capped so that a piece in every name (有限) costs what a rare one does;
    // the cap counts only files the viewer may see, so a member's own are never crowded out.
    const high = `${needle}\u{10FFFF}`;
    hits = db.all<Hit>(sql`
      select id, name, tier, status, next_due,
        case when initials >= ${needle} and initials < ${high} then 'initials' else 'name' end as matched
      from customers
      where id in (
        select * from (select c.id from customer_search s join customers c on c.id = s.rowid
          where customer_search match ${`bigrams : ${phrase(needle + BIGRAM_END)}`}
            and c.deleted_at is null and ${visible(viewer, 'c')} limit ${CANDIDATES})
        union all
        select * from (select id from customers
          where initials >= ${needle} and initials < ${high} and deleted_at is null and ${visible(viewer)}
          limit ${CANDIDATES}))
      order by matched = 'initials' desc, length(name), name
      limit ${limit}`);
  } else {
    const like = `%${likeEscape(needle)}%`;
    hits = db.all<Hit>(sql`
      select id, name, tier, status, next_due,
        case when initials like ${`${likeEscape(needle)}%`} escape '\\' then 'initials' else 'name' end as matched
      from customers
      where deleted_at is null and ${visible(viewer)} and (name like ${like} escape '\\' or initials like ${`${likeEscape(needle)}%`} escape '\\'
        or id in (select customer_id from people where deleted_at is null and name like ${like} escape '\\'))
      order by matched = 'initials' desc, length(name), name
      limit ${limit}`);
  }
  return hits.map((h) => ({
    id: h.id,
    name: h.name,
    tier: h.tier,
    status: h.status,
    matched: h.matched,
    nextDue: h.next_due,
  }));
}
