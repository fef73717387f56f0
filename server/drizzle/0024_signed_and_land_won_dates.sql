ALTER TABLE `customers` ADD `signed_at` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `land_won_at` text;--> statement-breakpoint
-- Signing and winning land are dated now: the monthly reclassification credits them to the month
-- they happened instead of the file's latest edit. A file signed before is dated by the latest
-- edit that signed it in the audit log; one that won land, by the latest edit that said so, or by
-- the capture of the land result that opened it. A file with neither stays undated: no month
-- credits it (an imported status says nothing about when).
UPDATE `customers` SET `signed_at` = (
  SELECT max(a.`at`) FROM `audit_log` a
  WHERE a.`method` = 'PATCH' AND a.`path` = '/api/customers/' || `customers`.`id` AND a.`status` < 400
    AND (a.`detail` LIKE '%"status":"signed"%' OR a.`detail` LIKE '%"status": "signed"%')
) WHERE `status` = 'signed';--> statement-breakpoint
UPDATE `customers` SET `land_won_at` = coalesce(
  (SELECT max(a.`at`) FROM `audit_log` a
   WHERE a.`method` = 'PATCH' AND a.`path` = '/api/customers/' || `customers`.`id` AND a.`status` < 400
     AND (a.`detail` LIKE '%"stage":"land_won"%' OR a.`detail` LIKE '%"stage": "land_won"%')),
  CASE WHEN `stage` = 'land_won' THEN
    (SELECT min(p.`created_at`) FROM `parcels` p WHERE p.`customer_id` = `customers`.`id` AND p.`status` = 'dealt')
  END
);
