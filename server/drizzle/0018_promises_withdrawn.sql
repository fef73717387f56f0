-- A promise can be withdrawn (called off) and is then never due again; kept on record. A file
-- lost withdraws its open promises with it, so a file won back is not overdue on a promise made
-- before the loss: the files lost before this change have theirs withdrawn as of their loss.
DROP INDEX `commitments_open_due`;--> statement-breakpoint
ALTER TABLE `commitments` ADD `withdrawn_at` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `withdrawn_reason` text;--> statement-breakpoint
CREATE INDEX `commitments_open_due` ON `commitments` (`due_at`) WHERE kept_at is null and withdrawn_at is null;--> statement-breakpoint
UPDATE commitments SET withdrawn_at = coalesce(c.lost_at, c.updated_at),
  withdrawn_reason = 'lost' || coalesce(' (' || nullif(concat_ws(': ', nullif(c.lost_reason_code, ''), nullif(c.lost_reason, '')), '') || ')', '')
FROM customers c
WHERE c.id = commitments.customer_id AND c.status = 'lost' AND commitments.kept_at IS NULL AND commitments.withdrawn_at IS NULL;
