-- A file lost cancels its standing appointment, as it withdraws its open promises: a file won back,
-- or merged into a live one, is not due on a call fixed before the loss. For the files lost (or
-- won back) before this change: the latest appointment fixed before the loss (or the reopening)
-- that no later contact followed (met or replaced it) is cancelled, as of the loss (or the reopening).
UPDATE interactions SET appointment_cancelled_at = CASE WHEN c.status = 'lost' THEN coalesce(c.lost_at, c.updated_at) ELSE c.reopened_at END
FROM customers c
WHERE c.id = interactions.customer_id AND (c.status = 'lost' OR c.reopened_at IS NOT NULL)
  AND interactions.appointment IS NOT NULL AND interactions.appointment_cancelled_at IS NULL
  AND interactions.deleted_at IS NULL
  AND (c.status = 'lost' OR interactions.at < c.reopened_at)
  AND NOT EXISTS (
    SELECT 1 FROM interactions j
    WHERE j.customer_id = c.id AND j.deleted_at IS NULL
      AND (j.at > interactions.at OR (j.at = interactions.at AND j.id > interactions.id))
      AND (c.status = 'lost' OR j.at < c.reopened_at)
      AND (j.appointment IS NOT NULL OR j.meets_appointment OR j.kind IN ('call', 'visit', 'meeting'))
  );
