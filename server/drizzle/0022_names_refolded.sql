CREATE TABLE `names_to_refresh` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Names are now matched without their accents (Lefèvre = LEFEVRE; shared normaliseCompanyName):
-- the files whose name, former names, people or name keys hold a Latin letter with a mark (the
-- ranges of shared hasAccents) are listed for the store to work their forms out again on opening.
INSERT INTO `names_to_refresh` (`customer_id`)
SELECT `id` FROM `customers` WHERE `name` GLOB '*[À-ɏ̀-ͯḀ-ỿ]*' OR `former_names` GLOB '*[À-ɏ̀-ͯḀ-ỿ]*'
UNION SELECT `customer_id` FROM `people` WHERE `name` GLOB '*[À-ɏ̀-ͯḀ-ỿ]*'
UNION SELECT `customer_id` FROM `customer_keys` WHERE `kind` = 'name' AND `value` GLOB '*[À-ɏ̀-ͯḀ-ỿ]*';
