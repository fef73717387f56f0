-- A lost file brought back counts its cadence from then (its first call due that day, as a new
-- file's), not from a call made before it was lost: it is not overdue the moment it is reopened.
ALTER TABLE `customers` ADD `reopened_at` text;
