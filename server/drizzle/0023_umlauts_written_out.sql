-- A German umlaut written out (MUELLER for Müller) is now read as the letter without its marks
-- (shared normaliseCompanyName): the files whose name or name keys hold ae, oe or ue are listed for
-- the store to work their forms out again on opening (LIKE ignores the case of ASCII letters).
INSERT OR IGNORE INTO `names_to_refresh` (`customer_id`)
SELECT `id` FROM `customers` WHERE `name` LIKE '%ae%' OR `name` LIKE '%oe%' OR `name` LIKE '%ue%'
UNION SELECT `customer_id` FROM `customer_keys`
WHERE `kind` = 'name' AND (`value` LIKE '%ae%' OR `value` LIKE '%oe%' OR `value` LIKE '%ue%');
