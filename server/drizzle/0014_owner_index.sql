-- An owner's files found by owner alone (a member's board and list, the visibility rule): the
-- (owner, next_due) index moved on every logged call.
DROP INDEX `customers_owner_next_due`;--> statement-breakpoint
CREATE INDEX `customers_owner` ON `customers` (`owner`);
