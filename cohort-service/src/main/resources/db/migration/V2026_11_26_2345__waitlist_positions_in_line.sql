-- A waitlist position is a place in line, counting from 1. Earlier versions left a gap when the first on a waitlist was
-- offered a place (the next stayed at 2) and gave the next candidate waitlisted the count plus one, so two could share a
-- position; each cohort's waitlist is numbered again in the order it was served in.
UPDATE selection
SET waitlist_position = numbered.position, version = selection.version + 1
FROM (SELECT id, row_number() OVER (PARTITION BY cohort_id ORDER BY waitlist_position, created_at) AS position
      FROM selection
      WHERE status = 'WAITLISTED') numbered
WHERE selection.id = numbered.id AND selection.waitlist_position IS DISTINCT FROM numbered.position;
