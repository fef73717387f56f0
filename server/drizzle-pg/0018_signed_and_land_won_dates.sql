ALTER TABLE "customers" ADD COLUMN "signed_at" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "land_won_at" text;--> statement-breakpoint
-- Signing and winning land are dated now (as drizzle/0024): a file signed or won land before is
-- dated by the latest edit that said so in the audit log, or, won land, by the capture of the land
-- result that opened it; otherwise it stays undated and no month credits it.
UPDATE "customers" c SET "signed_at" = (
  SELECT max(a."at") FROM "audit_log" a
  WHERE a."method" = 'PATCH' AND a."path" = '/api/customers/' || c."id" AND a."status" < 400
    AND (a."detail" LIKE '%"status":"signed"%' OR a."detail" LIKE '%"status": "signed"%')
) WHERE c."status" = 'signed';--> statement-breakpoint
UPDATE "customers" c SET "land_won_at" = coalesce(
  (SELECT max(a."at") FROM "audit_log" a
   WHERE a."method" = 'PATCH' AND a."path" = '/api/customers/' || c."id" AND a."status" < 400
     AND (a."detail" LIKE '%"stage":"land_won"%' OR a."detail" LIKE '%"stage": "land_won"%')),
  CASE WHEN c."stage" = 'land_won' THEN
    (SELECT min(p."created_at") FROM "parcels" p WHERE p."customer_id" = c."id" AND p."status" = 'dealt')
  END
);
