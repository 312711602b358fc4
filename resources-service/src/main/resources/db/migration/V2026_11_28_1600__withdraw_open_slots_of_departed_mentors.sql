-- Until now a slot given up after its mentor left (a member's cancellation in time, a grant's end) opened again,
-- bookable although the mentor was gone. Such slots are withdrawn, as the mentor's other open slots were when it left.
UPDATE mentoring_slot
SET status = 'CANCELLED', version = version + 1
WHERE status = 'OPEN'
  AND mentor_id IN (SELECT id FROM mentor WHERE NOT active);
