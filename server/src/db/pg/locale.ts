import type pg from 'pg';

/** A Chinese name that must yield trigrams: the behaviour search depends on, not a locale name. */
const PROBE = '客户档案';

export class DatabaseLocaleError extends Error {
  override name = 'DatabaseLocaleError';
}

export interface LocaleReport {
  database: string;
  encoding: string;
  ctype: string;
  collate: string;
  /** Trigrams pg_trgm finds in the probe; null when pg_trgm is not installed yet. */
  trigrams: number | null;
}

type Queryable = pg.Pool | pg.PoolClient | pg.Client;

export async function localeReport(db: Queryable): Promise<LocaleReport> {
  const info = await db.query<{
    datname: string;
    encoding: string;
    datctype: string;
    datcollate: string;
    trgm: boolean;
  }>(
    `select datname, pg_encoding_to_char(encoding) as encoding, datctype, datcollate,
       exists (select 1 from pg_extension where extname = 'pg_trgm') as trgm
     from pg_database where datname = current_database()`,
  );
  const row = info.rows[0];
  if (!row) throw new Error('current_database() is not in pg_database');
  let trigrams: number | null = null;
  if (row.trgm) {
    const probe = await db.query<{ n: number }>('select coalesce(array_length(show_trgm($1), 1), 0)::int as n', [
      PROBE,
    ]);
    trigrams = probe.rows[0]?.n ?? 0;
  }
  return { database: row.datname, encoding: row.encoding, ctype: row.datctype, collate: row.datcollate, trigrams };
}

/**
 * Refuses a database in which search cannot work for Chinese (issue #18). pg_trgm takes a
 * character into a trigram only when the database's LC_CTYPE calls it alphanumeric, and under the
 * C/POSIX ctype no CJK character is: every Chinese name then has no trigrams, and substring search
 * finds nothing through its index. What decides is that behaviour, so once pg_trgm is installed
 * the check asks show_trgm itself (which also covers locale providers the names below do not
 * foresee); before that (a database not yet migrated) it judges by the ctype's name. Answers
 * whether it could probe, so a caller checks again after migrating.
 */
export async function assertHandlesChinese(db: Queryable): Promise<{ probed: boolean }> {
  const r = await localeReport(db);
  const utf8 = r.encoding === 'UTF8';
  const ctypeOk = !/^(C|POSIX)$/i.test(r.ctype) && /utf-?8$/i.test(r.ctype);
  const ok = utf8 && (r.trigrams === null ? ctypeOk : r.trigrams > 0);
  if (!ok) {
    const why =
      r.trigrams === 0
        ? `pg_trgm finds no trigrams in Chinese text there (show_trgm('${PROBE}') is empty)`
        : !utf8
          ? 'it does not store text as UTF-8'
          : 'pg_trgm would find no trigrams in Chinese text under that character type';
    throw new DatabaseLocaleError(
      `Database "${r.database}" cannot search Chinese text: it has encoding ${r.encoding}, LC_CTYPE "${r.ctype}" ` +
        `and LC_COLLATE "${r.collate}", and ${why}. Dossier needs a UTF-8 database with a UTF-8 character type ` +
        `(C.UTF-8, zh_CN.UTF-8, or an ICU locale over one of them). Create it with, for example:\n` +
        `  CREATE DATABASE ${r.database} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8';`,
    );
  }
  return { probed: r.trigrams !== null };
}
