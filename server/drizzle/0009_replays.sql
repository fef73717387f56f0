CREATE TABLE `replays` (
	`key` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`operation` text NOT NULL,
	`fingerprint` text NOT NULL,
	`at` text NOT NULL
);
