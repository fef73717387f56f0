-- Lost files are not due: their next due stops moving, so in the board's one due index they piled
-- up at the front of every overdue range, each stepped over by the board's count and list.
DROP INDEX "customers_next_due";--> statement-breakpoint
CREATE INDEX "customers_next_due" ON "customers" USING btree ("next_due") WHERE deleted_at is null and status <> 'lost';
