ALTER TABLE `captures` ADD `user_id` integer;--> statement-breakpoint
ALTER TABLE `parcels` ADD `owner` text;--> statement-breakpoint
UPDATE `parcels` SET `owner` = (SELECT `owner` FROM `customers` WHERE `customers`.`id` = `parcels`.`customer_id`) WHERE `customer_id` IS NOT NULL;
