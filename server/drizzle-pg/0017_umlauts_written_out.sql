-- A German umlaut written out (MUELLER for Müller) is now read as the letter without its marks (as
-- drizzle/0023): the files whose name or name keys hold ae, oe or ue are listed for the store to
-- work their forms out again on opening.
INSERT INTO "names_to_refresh" ("customer_id")
SELECT "id" FROM "customers" WHERE "name" ~* '[aou]e'
UNION SELECT "customer_id" FROM "customer_keys" WHERE "kind" = 'name' AND "value" ~* '[aou]e'
ON CONFLICT DO NOTHING;
