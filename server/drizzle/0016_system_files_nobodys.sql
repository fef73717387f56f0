-- Files a CLI import made were given the owner "system" (its viewer reached the import's worker
-- thread as a copy and was taken for a user of that name); the system's files are nobody's.
-- Left alone where a user is really called "system".
UPDATE `customers` SET `owner` = NULL
WHERE `owner` = 'system' AND NOT EXISTS (SELECT 1 FROM `users` WHERE `name` = 'system');
