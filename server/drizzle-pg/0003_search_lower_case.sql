-- Search rows kept lower-case (store/pg/search.ts pgSearchRow): three-character searches compare
-- with LIKE, which reads bytes, instead of ILIKE, which folds the case of every candidate's six
-- texts. Rows written before this are folded here; the next write of a file rewrites its row
-- with JavaScript's folding, which this matches for every letter a customer file holds in practice.
UPDATE "customer_search" SET
  "name" = lower("name"), "initials" = lower("initials"), "pinyin" = lower("pinyin"),
  "phones" = lower("phones"), "domains" = lower("domains"), "emails" = lower("emails")
WHERE "name" <> lower("name") OR "initials" <> lower("initials") OR "pinyin" <> lower("pinyin")
  OR "phones" <> lower("phones") OR "domains" <> lower("domains") OR "emails" <> lower("emails");
--> statement-breakpoint
-- A search reads a few hundred rows at most: starting parallel workers for it cost more than the
-- scan (measured 20 ms of a 30 ms search with a thousand hits on two cores).
ALTER TABLE "customer_search" SET (parallel_workers = 0);
