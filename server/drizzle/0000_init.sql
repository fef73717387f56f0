CREATE TABLE `captures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer,
	`url` text NOT NULL,
	`adapter` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`captured_at` text NOT NULL,
	`idempotency_key` text,
	`result` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `captures_idempotency_key_unique` ON `captures` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `captures_url` ON `captures` (`url`);--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`text` text NOT NULL,
	`due_at` text NOT NULL,
	`kept_at` text,
	`idempotency_key` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commitments_idempotency_key_unique` ON `commitments` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `commitments_open_due` ON `commitments` (`due_at`) WHERE kept_at is null;--> statement-breakpoint
CREATE INDEX `commitments_customer` ON `commitments` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customer_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_keys_kind_value` ON `customer_keys` (`kind`,`value`);--> statement-breakpoint
CREATE INDEX `customer_keys_customer` ON `customer_keys` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`normalized_name` text NOT NULL,
	`initials` text NOT NULL,
	`pinyin` text NOT NULL,
	`tier` text NOT NULL,
	`status` text NOT NULL,
	`lost_reason` text,
	`stage` text,
	`region` text NOT NULL,
	`company_type` text,
	`size_class` text,
	`industry` text,
	`business_scope` text,
	`products` text,
	`trends` text,
	`address` text,
	`phones` text NOT NULL,
	`fax` text NOT NULL,
	`emails` text NOT NULL,
	`website` text,
	`notes` text,
	`owner` text,
	`idempotency_key` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`last_call_at` text,
	`last_visit_at` text,
	`appointment_at` text,
	`next_call_due` text NOT NULL,
	`next_visit_due` text NOT NULL,
	`next_due` text NOT NULL,
	`follow_ups` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_idempotency_key_unique` ON `customers` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `customers_next_due` ON `customers` (`next_due`) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX `customers_owner_next_due` ON `customers` (`owner`,`next_due`) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX `customers_initials` ON `customers` (`initials`);--> statement-breakpoint
CREATE INDEX `customers_normalized_name` ON `customers` (`normalized_name`);--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`person_id` integer,
	`summary` text,
	`outcome` text,
	`intention` text,
	`appointment` text,
	`source_url` text,
	`visit` text,
	`idempotency_key` text NOT NULL,
	`created_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interactions_idempotency_key_unique` ON `interactions` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `interactions_customer_at` ON `interactions` (`customer_id`,`at`);--> statement-breakpoint
CREATE TABLE `parcels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer,
	`parcel_no` text,
	`location` text,
	`area_m2` real,
	`use` text,
	`method` text,
	`start_price` real,
	`deal_price` real,
	`currency` text,
	`deal_date` text,
	`winner` text,
	`status` text NOT NULL,
	`source_url` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `parcels_parcel_no` ON `parcels` (`parcel_no`);--> statement-breakpoint
CREATE INDEX `parcels_customer` ON `parcels` (`customer_id`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`name` text NOT NULL,
	`title` text,
	`mobile` text,
	`direct_line` text,
	`email` text,
	`birthday` text,
	`home_address` text,
	`preferences` text,
	`key_person` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `people_customer` ON `people` (`customer_id`);--> statement-breakpoint
CREATE INDEX `people_email` ON `people` (`email`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tier_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`from_tier` text,
	`to_tier` text NOT NULL,
	`reason` text,
	`at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tier_changes_customer` ON `tier_changes` (`customer_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text,
	`created_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_name_unique` ON `users` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_token_hash_unique` ON `users` (`token_hash`);