import { sql } from 'drizzle-orm';
import { type Db, preparedFor } from '../../db/client.ts';
import type { Viewer } from '../../services/visibility.ts';
import type { SearchHit, SearchStore } from '../search.ts';
import { bigramPieces, searchText } from '../search-text.ts';
import { visible } from './visibility.ts';

/** What follows each two-character piece in the `bigrams` column (see drizzle/0006). */
export const BIGRAM_END = '¦';

/**
 * The pieces of the names (store/search-text.ts), each followed by ¦: the trigram "嘉华¦" then
 * occurs exactly where 嘉华 occurs in a name. Must give the pieces the 0006 migration computes in
 * SQL for rows written before it.
 */
export function nameBigrams(names: string): string {
  return bigramPieces(names)
    .map((p) => p + BIGRAM_END)
    .join('');
}

export interface SearchCustomer {
  name: string;
  former_names: string;
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
 * The search row of one live customer from its raw rows (JSON lists as SQLite stores them), in
 * the column order of customer_search (name, initials, pinyin, phones, domains, emails, bigrams).
 * One builder for the per-customer reindex below and the batch one of imports (store/sqlite/imports.ts).
 */
export function searchRow(c: SearchCustomer, people: SearchPerson[], keys: SearchKey[]): string[] {
  const t = searchText({
    customer: {
      ...c,
      formerNames: JSON.parse(c.former_names) as string[],
      phones: JSON.parse(c.phones) as string[],
      emails: JSON.parse(c.emails) as string[],
    },
    people: people.map((p) => ({ name: p.name, mobile: p.mobile, directLine: p.direct_line, email: p.email })),
    keys,
  });
  return [t.name, t.initials, t.pinyin, t.phones, t.domains, t.emails, nameBigrams(t.name)];
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
 * `SearchStore.reindex` runs it.
 */
export function reindexCustomer(db: Db, customerId: number): void {
  const s = statements(db);
  const c = db.get<SearchCustomer & { deleted_at: string | null }>(
    sql`select name, former_names, initials, pinyin, phones, emails, website, deleted_at from customers where id = ${customerId}`,
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

type Hit = { id: number; name: string; tier: 'A' | 'B' | 'C'; status: string; next_due: string; matched: string };

const COLUMNS = ['name', 'initials', 'pinyin', 'phones', 'domains', 'emails'] as const;

/** A user's words as one FTS5 phrase: quotes doubled, so `"`, `*`, NEAR or `(` are plain text. */
const phrase = (q: string) => `"${q.replaceAll('"', '""')}"`;
const likeEscape = (q: string) => q.replace(/[\\%_]/g, (m) => `\\${m}`);

const CANDIDATES = 2000;

/**
 * Three characters or more go through the FTS5 trigram index, two (a common Chinese name
 * fragment) through its bigrams column; one uses LIKE.
 */
function find(db: Db, needle: string, limit: number, viewer: Viewer): Hit[] {
  const length = [...needle].length;
  if (length >= 3) {
    return db
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
  }
  if (length === 2) {
    // Two characters (嘉华): the bigrams column (see nameBigrams), and initials by index range.
    // The candidates are capped so that a piece in every name (有限) costs what a rare one does;
    // the cap counts only files the viewer may see, so a member's own are never crowded out.
    const high = `${needle}\u{10FFFF}`;
    return db.all<Hit>(sql`
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
  }
  const like = `%${likeEscape(needle)}%`;
  return db.all<Hit>(sql`
      select id, name, tier, status, next_due,
        case when initials like ${`${likeEscape(needle)}%`} escape '\\' then 'initials' else 'name' end as matched
      from customers
      where deleted_at is null and ${visible(viewer)} and (name like ${like} escape '\\' or initials like ${`${likeEscape(needle)}%`} escape '\\'
        or id in (select customer_id from people where deleted_at is null and name like ${like} escape '\\'))
      order by matched = 'initials' desc, length(name), name
      limit ${limit}`);
}

export function sqliteSearch(db: Db): SearchStore {
  return {
    async reindex(customerId) {
      reindexCustomer(db, customerId);
    },
    async find(needle, limit, viewer): Promise<SearchHit[]> {
      return find(db, needle, limit, viewer).map((h) => ({
        id: h.id,
        name: h.name,
        tier: h.tier,
        status: h.status,
        matched: h.matched,
        nextDue: h.next_due,
      }));
    },
  };
}
