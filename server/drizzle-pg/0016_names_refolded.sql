CREATE TABLE "names_to_refresh" (
	"customer_id" integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "names_to_refresh" ADD CONSTRAINT "names_to_refresh_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Names are now matched without their accents and without the continent's legal forms (as
-- drizzle/0022): the files whose name or name keys hold a Latin letter, or whose former names or
-- people hold one with a mark, are listed for the store to work their forms out again on
-- opening. Bracket ranges compare code points in a UTF-8 database.
INSERT INTO "names_to_refresh" ("customer_id")
SELECT "id" FROM "customers" WHERE "name" ~ '[A-Za-zÀ-ɏ̀-ͯḀ-ỿ]' OR "former_names"::text ~ '[À-ɏ̀-ͯḀ-ỿ]'
UNION SELECT "customer_id" FROM "people" WHERE "name" ~ '[À-ɏ̀-ͯḀ-ỿ]'
UNION SELECT "customer_id" FROM "customer_keys" WHERE "kind" = 'name' AND "value" ~ '[A-Za-zÀ-ɏ̀-ͯḀ-ỿ]';
