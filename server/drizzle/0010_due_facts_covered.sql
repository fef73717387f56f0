DROP INDEX `interactions_customer_at`;--> statement-breakpoint
CREATE INDEX `interactions_appointments` ON `interactions` (`customer_id`,`at`) WHERE appointment is not null and deleted_at is null;--> statement-breakpoint
CREATE INDEX `interactions_customer_at` ON `interactions` (`customer_id`,`at`,`kind`,`deleted_at`);