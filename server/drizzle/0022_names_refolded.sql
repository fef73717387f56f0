CREATE TABLE `names_to_refresh` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Names are now matched without their accents (Lefèvre = LEFEVRE) and without the continent's
-- legal forms (SARL, AG…; shared normaliseCompanyName). Listed for the store to work their forms
-- out again on opening: the files whose name or name keys hold a Latin letter (a Chinese name
-- keeps its forms), and those whose former names or people hold one with a mark (the ranges of
-- shared hasAccents: search finds them without it).
INSERT INTO `names_to_refresh` (`customer_id`)
SELECT `id` FROM `customers` WHERE `name` GLOB '*[A-Za-zÀ-ɏ̀-ͯḀ-ỿ]*' OR `former_names` GLOB '*[À-ɏ̀-ͯḀ-ỿ]*'
UNION SELECT `customer_id` FROM `people` WHERE `name` GLOB '*[À-ɏ̀-ͯḀ-ỿ]*'
UNION SELECT `customer_id` FROM `customer_keys` WHERE `kind` = 'name' AND `value` GLOB '*[A-Za-zÀ-ɏ̀-ͯḀ-ỿ]*';
