-- Two-character searches (a Chinese name fragment such as 嘉华) through the index: the trigram
-- tokenizer cannot match fewer than three characters, so each row also carries every
-- two-character piece of its names (not across a space), each followed by ¦. The query
-- "嘉华¦" is then a trigram that occurs exactly where 嘉华 occurs in a name.
-- Kept in step by services/search-index.ts (nameBigrams); existing rows are filled here.
CREATE VIRTUAL TABLE `customer_search_next` USING fts5(`name`, `initials`, `pinyin`, `phones`, `domains`, `emails`, `bigrams`, tokenize = 'trigram');
--> statement-breakpoint
WITH RECURSIVE
  `at`(`id`, `name`, `pos`) AS (
    SELECT `rowid`, `name`, 1 FROM `customer_search` WHERE length(`name`) >= 2
    UNION ALL
    SELECT `id`, `name`, `pos` + 1 FROM `at` WHERE `pos` + 2 <= length(`name`)
  ),
  `grams`(`id`, `gram`) AS (
    SELECT DISTINCT `id`, substr(`name`, `pos`, 2) FROM `at` WHERE instr(substr(`name`, `pos`, 2), ' ') = 0
  ),
  `joined`(`id`, `bigrams`) AS (
    SELECT `id`, group_concat(`gram` || '¦', '') FROM `grams` GROUP BY `id`
  )
INSERT INTO `customer_search_next` (`rowid`, `name`, `initials`, `pinyin`, `phones`, `domains`, `emails`, `bigrams`)
SELECT s.`rowid`, s.`name`, s.`initials`, s.`pinyin`, s.`phones`, s.`domains`, s.`emails`, coalesce(j.`bigrams`, '')
FROM `customer_search` s LEFT JOIN `joined` j ON j.`id` = s.`rowid`;
--> statement-breakpoint
DROP TABLE `customer_search`;
--> statement-breakpoint
ALTER TABLE `customer_search_next` RENAME TO `customer_search`;
