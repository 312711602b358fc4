-- A call's cohorts have distinct names (case aside): a cohort created twice, by a double click or a retried request,
-- is refused (409 cohort-exists) instead of made again. Duplicates made before this get their id appended to their
-- name, every one but the first created, so the index can be built and nothing is lost.
UPDATE cohort c
SET name = c.name || ' (' || c.id || ')'
WHERE EXISTS (SELECT 1 FROM cohort first
              WHERE first.call_id = c.call_id AND lower(first.name) = lower(c.name)
                AND (first.created_at, first.id) < (c.created_at, c.id));

CREATE UNIQUE INDEX cohort_one_name_per_call ON cohort (call_id, lower(name));
