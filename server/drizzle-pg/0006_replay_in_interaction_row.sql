-- A logged contact's replay record lives in its own row (services/replay.ts): the records kept in
-- replays so far move there, so an outbox retry sent across the upgrade is still answered.
ALTER TABLE "interactions" ADD COLUMN "requested_by" integer;--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "request_fingerprint" text;--> statement-breakpoint
UPDATE "interactions" i SET "requested_by" = r."user_id", "request_fingerprint" = r."fingerprint"
FROM "replays" r WHERE r."key" = i."idempotency_key" AND r."operation" = 'interaction';--> statement-breakpoint
DELETE FROM "replays" r USING "interactions" i WHERE r."operation" = 'interaction' AND r."key" = i."idempotency_key";
