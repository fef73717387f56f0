import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { customerKeys, customerSearch, customers, people } from '../../db/schema.pg.ts';
import type { Viewer } from '../../services/visibility.ts';
import type { SearchHit, SearchStore } from '../search.ts';
import { bigramPieces, searchText } from '../search-text.ts';
import type { PgExecutor } from './executor.ts';
import { prepared, viewerValues } from './prepared.ts';
import { visibleOne, visibleOneAs } from './visibility.ts';

/**
 * The pieces of the names (store/search-text.ts), lower-cased: a needle arrives lower-case, and
 * SQLite's trigram search that this stands in for ignores case.
 */
export function nameBigramList(names: string): string[] {
  return bigramPieces(names.toLowerCase());
}

type SearchColumns = Omit<typeof customerSearch.$inferInsert, 'customerId'>;

/** The search row of one customer: the texts both engines search, and the pieces of its names. */
export function pgSearchRow(
  customer: {
    name: string;
    formerNames: string[];
    initials: string;
    pinyin: string;
    phones: string[];
    emails: string[];
    website: string | null;
  },
  people: { name: string; mobile: string | null; directLine: string | null; email: string | null }[],
  keys: { kind: string; value: string }[],
): SearchColumns {
  const text = searchText({ customer, people, keys });
  // Kept lower-case, as the needle arrives: LIKE then compares bytes, where ILIKE folds the case
  // of every candidate's six texts (measured: a quarter of the time of a search with 1,000 hits).
  return {
    name: text.name.toLowerCase(),
    initials: text.initials.toLowerCase(),
    pinyin: text.pinyin.toLowerCase(),
    phones: text.phones.toLowerCase(),
    domains: text.domains.toLowerCase(),
    emails: text.emails.toLowerCase(),
    bigrams: nameBigramList(text.name),
    customerName: customer.name,
  };
}

const same = (a: SearchColumns, b: SearchColumns) =>
  a.name === b.name &&
  a.initials === b.initials &&
  a.pinyin === b.pinyin &&
  a.phones === b.phones &&
  a.domains === b.domains &&
  a.emails === b.emails &&
  a.customerName === b.customerName &&
  (a.bigrams ?? []).join('\n') === (b.bigrams ?? []).join('\n');

/**
 * Rewrites the customer's search row from its row, live people and keys, in the caller's
 * transaction, so search never lags behind; a removed customer has none. A row that comes out
 * the same is left alone (a capture that adds nothing new would rewrite every GIN entry).
 */
export async function reindex(db: PgExecutor, customerId: number): Promise<void> {
  const [c] = await db
    .select({
      name: customers.name,
      formerNames: customers.formerNames,
      initials: customers.initials,
      pinyin: customers.pinyin,
      phones: customers.phones,
      emails: customers.emails,
      website: customers.website,
      deletedAt: customers.deletedAt,
    })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!c || c.deletedAt) {
    await db.delete(customerSearch).where(eq(customerSearch.customerId, customerId));
    return;
  }
  // One after the other: a transaction's one connection takes one query at a time. In id order,
  // as SQLite reads them and as the import's batch (imports.ts) does: without it the row's texts
  // follow where PostgreSQL last put each updated row (a merge undone came back reordered).
  const ppl = await db
    .select({ name: people.name, mobile: people.mobile, directLine: people.directLine, email: people.email })
    .from(people)
    .where(and(eq(people.customerId, customerId), isNull(people.deletedAt)))
    .orderBy(asc(people.id));
  const keys = await db
    .select({ kind: customerKeys.kind, value: customerKeys.value })
    .from(customerKeys)
    .where(eq(customerKeys.customerId, customerId))
    .orderBy(asc(customerKeys.id));
  const [existing] = await db.select().from(customerSearch).where(eq(customerSearch.customerId, customerId));
  const row = pgSearchRow(c, ppl, keys);
  if (existing && same(existing, row)) return;
  await db
    .insert(customerSearch)
    .values({ customerId, ...row })
    .onConflictDoUpdate({ target: customerSearch.customerId, set: row });
}

type Hit = { id: number; name: string; tier: 'A' | 'B' | 'C'; status: string; next_due: string; matched: string };

const COLUMNS = ['name', 'initials', 'pinyin', 'phones', 'domains', 'emails'] as const;

/** One value per searched column, named s_<column> (how a hit carries its texts). */
const perColumn = <T>(value: (col: (typeof COLUMNS)[number]) => T) =>
  Object.fromEntries(COLUMNS.map((col) => [`s_${col}`, value(col)])) as Record<`s_${(typeof COLUMNS)[number]}`, T>;

/** LIKE's own characters as plain text (backslash is PostgreSQL's default LIKE escape). */
const likeEscape = (q: string) => q.replace(/[\\%_]/g, (m) => `\\${m}`);

/** Candidates per arm of a two-character search, so a piece in every name (有限) costs what a rare one does. */
const CANDIDATES = 2000;

async function rows<T>(db: PgExecutor, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

/**
 * Three characters or more, a named statement (its plan made once per connection: planning six
 * ORed trigram conditions took as long as running them). The hits are ranked on the search row
 * itself (its customer's name kept there), and only the first `limit` that the viewer may see
 * have their file looked up, by id (the lateral subquery kept apart by OFFSET 0: as a join, a
 * common fragment had the planner hash all 100,000 files). A four-digit phone tail matches
 * hundreds of files; looking each one up before ranking was half of its 8 ms.
 */
const trigramSearch = (db: PgExecutor, role: Viewer['role']) =>
  prepared(db, `search_trigram_${role}`, (name) => {
    // By the names the subquery gives its columns, inside it and out: the same order, kept.
    const rank = [sql`prefixed desc`, sql`length`, sql`customer_name collate "C"`, sql`customer_id`];
    const hits = db
      .select({
        customerId: customerSearch.customerId,
        customerName: customerSearch.customerName,
        prefixed: sql<boolean>`${customerSearch.initials} like ${sql.placeholder('prefix')}`.as('prefixed'),
        length: sql<number>`char_length(${customerSearch.customerName})`.as('length'),
        ...perColumn((col) => sql<string>`${customerSearch[col]}`.as(`s_${col}`)),
      })
      .from(customerSearch)
      .where(or(...COLUMNS.map((col) => sql`${customerSearch[col]} like ${sql.placeholder('like')}`)))
      .orderBy(...rank)
      // A fence: sorted apart, the files are looked up in this order until `limit` are found.
      // Without it the planner, guessing 59 hits for 750, looked every hit up before sorting.
      .offset(0)
      .as('s');
    return db
      .select({
        id: sql<number>`c.id`,
        name: sql<string>`c.name`,
        tier: sql<'A' | 'B' | 'C'>`c.tier`,
        status: sql<string>`c.status`,
        next_due: sql<string>`c.next_due`,
        ...perColumn((col) => sql<string>`s.${sql.identifier(`s_${col}`)}`),
      })
      .from(hits)
      .innerJoinLateral(
        sql`(select c.id, c.name, c.tier, c.status, c.next_due from customers c
          where c.id = ${hits.customerId} and c.deleted_at is null and ${visibleOneAs(role, 'c')}
          offset 0) c`,
        sql`true`,
      )
      .orderBy(...rank)
      .limit(sql.placeholder('limit'))
      .prepare(name);
  });

/**
 * Three characters or more: LIKE on the trigram GIN index over every searched column; two (a
 * Chinese fragment holding no whole trigram): the bigram GIN index, and initials by a code-point
 * range; one: ILIKE on the names (SQLite's LIKE ignored ASCII case). A member's right to a file is
 * asked of each candidate (visibleOne), not as the set of all their files: measured at 100,000
 * files with 10,000 of them a member's, 10–13 ms for the set against 0.2–0.4 ms.
 */
async function find(db: PgExecutor, needle: string, limit: number, viewer: Viewer): Promise<Hit[]> {
  const length = [...needle].length;
  const prefix = `${likeEscape(needle)}%`;
  if (length >= 3) {
    const hits = await trigramSearch(db, viewer.role).execute({
      limit,
      like: `%${likeEscape(needle)}%`,
      prefix,
      ...viewerValues(viewer),
    });
    return hits.map((h) => ({
      ...h,
      matched: COLUMNS.find((col) => String(h[`s_${col}`] ?? '').includes(needle)) ?? 'name',
    }));
  }
  if (length === 2) {
    const high = `${needle}\u{10FFFF}`;
    // collate "C" on the range: the order the customers_initials index keeps and SQLite compares in.
    const inRange = (alias: string) =>
      sql`(${sql.raw(alias)}.initials collate "C" >= ${needle} and ${sql.raw(alias)}.initials collate "C" < ${high})`;
    return rows<Hit>(
      db,
      sql`
      select c.id, c.name, c.tier, c.status, c.next_due,
        case when ${inRange('c')} then 'initials' else 'name' end as matched
      from customers c
      where c.id in (
        (select b.id from customer_search s join customers b on b.id = s.customer_id
          where s.bigrams @> array[${needle}]::text[] and b.deleted_at is null and ${visibleOne(viewer, 'b')}
          limit ${CANDIDATES})
        union all
        (select i.id from customers i
          where ${inRange('i')} and i.deleted_at is null and ${visibleOne(viewer, 'i')}
          limit ${CANDIDATES}))
      order by ${inRange('c')} desc, char_length(c.name), c.name collate "C", c.id
      limit ${limit}`,
    );
  }
  const like = `%${likeEscape(needle)}%`;
  return rows<Hit>(
    db,
    sql`
      select c.id, c.name, c.tier, c.status, c.next_due,
        case when c.initials ilike ${prefix} then 'initials' else 'name' end as matched
      from customers c
      where c.deleted_at is null and ${visibleOne(viewer, 'c')}
        and (c.name ilike ${like} or c.initials ilike ${prefix}
          or c.id in (select p.customer_id from people p where p.deleted_at is null and p.name ilike ${like}))
      order by (c.initials ilike ${prefix}) desc, char_length(c.name), c.name collate "C", c.id
      limit ${limit}`,
  );
}

export function pgSearch(db: PgExecutor): SearchStore {
  return {
    reindex: (customerId) => reindex(db, customerId),
    async find(needle, limit, viewer): Promise<SearchHit[]> {
      return (await find(db, needle, limit, viewer)).map((h) => ({
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
