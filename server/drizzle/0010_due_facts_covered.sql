DROP INDEX `interactions_customer_at`;--> statement-breakpoint
CREATE INDEX `interactions_customer_at` ON `interactions` (`customer_id`,`at`,`kind`,`deleted_at`);