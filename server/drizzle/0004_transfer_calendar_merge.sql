CREATE TABLE `calendar_feeds` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_token_hash_unique` ON `calendar_feeds` (`token_hash`);--> statement-breakpoint
CREATE TABLE `import_upload_chunks` (
	`upload_id` integer NOT NULL,
	`offset` integer NOT NULL,
	`data` blob NOT NULL,
	FOREIGN KEY (`upload_id`) REFERENCES `import_uploads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_upload_chunks_pk` ON `import_upload_chunks` (`upload_id`,`offset`);--> statement-breakpoint
CREATE TABLE `import_uploads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`filename` text NOT NULL,
	`size` integer NOT NULL,
	`received` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`filename` text NOT NULL,
	`file_sha256` text NOT NULL,
	`idempotency_key` text,
	`created_at` text NOT NULL,
	`report` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `imports_idempotency_key_unique` ON `imports` (`idempotency_key`);--> statement-breakpoint
CREATE TABLE `merges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survivor_id` integer NOT NULL,
	`from_id` integer NOT NULL,
	`user_id` integer,
	`at` text NOT NULL,
	`undo_until` text NOT NULL,
	`undone_at` text,
	`idempotency_key` text,
	`snapshot` text NOT NULL,
	FOREIGN KEY (`survivor_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `merges_idempotency_key_unique` ON `merges` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `merges_survivor` ON `merges` (`survivor_id`);--> statement-breakpoint
CREATE INDEX `merges_from` ON `merges` (`from_id`);