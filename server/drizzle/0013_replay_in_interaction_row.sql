-- A logged contact's replay record lives in its own row (services/replay.ts): the records kept in
-- replays so far move there, so an outbox retry sent across the upgrade is still answered.
ALTER TABLE `interactions` ADD `requested_by` integer;--> statement-breakpoint
ALTER TABLE `interactions` ADD `request_fingerprint` text;--> statement-breakpoint
UPDATE `interactions` SET
  `requested_by` = (SELECT `user_id` FROM `replays` r WHERE r.`key` = `interactions`.`idempotency_key` AND r.`operation` = 'interaction'),
  `request_fingerprint` = (SELECT `fingerprint` FROM `replays` r WHERE r.`key` = `interactions`.`idempotency_key` AND r.`operation` = 'interaction')
WHERE `idempotency_key` IN (SELECT `key` FROM `replays` WHERE `operation` = 'interaction');--> statement-breakpoint
DELETE FROM `replays` WHERE `operation` = 'interaction' AND `key` IN (SELECT `idempotency_key` FROM `interactions`);
