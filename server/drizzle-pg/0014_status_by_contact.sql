-- Whether a file's status was set by a conversation (a prospect spoken to) rather than by the user:
-- undoing that conversation takes it back, and only then. Files on record before it are taken as
-- set by the user (which one it was is not known), so an undo never demotes them.
ALTER TABLE "customers" ADD COLUMN "status_by_contact" boolean DEFAULT false NOT NULL;
