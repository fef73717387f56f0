-- Search over names, pinyin, initials, phone digits, domains and e-mails of each customer and its people.
-- Trigram tokenizer: substring search that works for Chinese without a word segmenter.
-- Kept in step by the application (services/search-index.ts) inside each write transaction.
CREATE VIRTUAL TABLE `customer_search` USING fts5(`name`, `initials`, `pinyin`, `phones`, `domains`, `emails`, tokenize = 'trigram');
