-- Search on PostgreSQL (#18), in place of SQLite's FTS5 trigram table (drizzle/0001, 0006).
-- pg_trgm ships with Debian's postgresql package; "if not exists" because a managed server's
-- admin may have created it already (creating it needs rights the app role may lack).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Three characters or more: ILIKE '%…%' on any searched column. One multicolumn GIN: the
-- planner ORs one scan per column, and a write updates one index instead of six.
-- Trigrams of Chinese exist only in a database with a UTF-8 ctype (see src/db/pg/locale.ts).
CREATE INDEX "customer_search_trgm" ON "customer_search" USING gin (
  "name" gin_trgm_ops, "initials" gin_trgm_ops, "pinyin" gin_trgm_ops,
  "phones" gin_trgm_ops, "domains" gin_trgm_ops, "emails" gin_trgm_ops
) WITH (fastupdate = off);
--> statement-breakpoint
-- Two characters (嘉华) hold no whole trigram, so pg_trgm cannot answer them from its index:
-- `bigrams @> array['嘉华']` is looked up here instead.
-- fastupdate off (both indexes): GIN's pending list would keep new rows out of the index until a
-- vacuum, and every search would scan it (measured at 100,000 files after a bulk load: a
-- two-character search 17 ms with the list, 0.17 ms without); files are written far more rarely
-- than searched.
CREATE INDEX "customer_search_bigrams" ON "customer_search" USING gin ("bigrams") WITH (fastupdate = off);
