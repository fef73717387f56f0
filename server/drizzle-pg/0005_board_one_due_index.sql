-- The board reads one due index, the next due's (a file stands at its earliest due: services/board.ts);
-- the per-reason indexes moved on every logged call for no read.
DROP INDEX "customers_next_call_due";--> statement-breakpoint
DROP INDEX "customers_next_visit_due";--> statement-breakpoint
DROP INDEX "customers_appointment_at";
