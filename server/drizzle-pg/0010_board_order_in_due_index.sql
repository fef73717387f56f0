-- The board orders a bucket's cards by due, then tier (A first), then id: the due index now
-- holds that order, so the earliest cards are read in order even when thousands of files fall
-- due at one instant (an import's first calls), instead of every tied file read and sorted.
DROP INDEX "customers_next_due";--> statement-breakpoint
CREATE INDEX "customers_next_due" ON "customers" USING btree ("next_due","tier","id") WHERE deleted_at is null and status <> 'lost';
