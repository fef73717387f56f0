-- A rename keeps the old name (曾用名): search finds the file by it and a land result naming it joins
-- the file instead of opening a second one. The few renamed files are read by their own index.
ALTER TABLE `customers` ADD `former_names` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX `customers_renamed` ON `customers` (`id`) WHERE former_names <> '[]' and deleted_at is null;
