CREATE TABLE `focus_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`period` text NOT NULL,
	`text` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `focus_notes_user_period` ON `focus_notes` (`user_id`,`period`);--> statement-breakpoint
CREATE TABLE `materials` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`url` text,
	`file_name` text,
	`mime_type` text,
	`content` blob,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `materials_customer_number` ON `materials` (`customer_id`,`number`);--> statement-breakpoint
CREATE TABLE `reclass_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`month` text NOT NULL,
	`from_tier` text NOT NULL,
	`to_tier` text NOT NULL,
	`accepted` integer NOT NULL,
	`reasons` text NOT NULL,
	`decided_by` text,
	`at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reclass_decisions_customer_month` ON `reclass_decisions` (`customer_id`,`month`);--> statement-breakpoint
CREATE TABLE `sheet_remarks` (
	`customer_id` integer NOT NULL,
	`month` text NOT NULL,
	`text` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sheet_remarks_pk` ON `sheet_remarks` (`customer_id`,`month`);--> statement-breakpoint
ALTER TABLE `customers` ADD `lost_reason_code` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `lost_at` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `next_step` text;