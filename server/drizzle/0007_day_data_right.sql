ALTER TABLE `interactions` ADD `meets_appointment` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `interactions` ADD `appointment_cancelled_at` text;--> statement-breakpoint
ALTER TABLE `people` ADD `greeting_hook` text;--> statement-breakpoint
ALTER TABLE `people` ADD `birthday_lunar` integer DEFAULT false NOT NULL;