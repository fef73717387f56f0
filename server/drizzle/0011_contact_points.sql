CREATE TABLE `contact_points` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`value_key` text NOT NULL,
	`source` text NOT NULL,
	`source_detail` text,
	`seen_at` text NOT NULL,
	`confirmed_at` text,
	`confirmed_by` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contact_points_value` ON `contact_points` (`customer_id`,`kind`,`value_key`);