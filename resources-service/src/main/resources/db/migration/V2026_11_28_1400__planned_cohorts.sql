-- Cohorts cohort-service has created (CohortPlanned): a package is put only for one of these, so that a mistyped
-- cohort id gets a 404 instead of a package no member will ever receive. planned_at is the event's time.
CREATE TABLE planned_cohort (
    cohort_id  UUID PRIMARY KEY,
    planned_at TIMESTAMPTZ NOT NULL
);

-- Cohorts this service already holds a package or members of exist; each is known from then on, without waiting for
-- the CohortPlanned events cohort-service publishes for its cohorts made before that event existed.
INSERT INTO planned_cohort (cohort_id, planned_at)
SELECT cohort_id, min(since)
FROM (SELECT cohort_id, updated_at AS since FROM resource_package
      UNION ALL
      SELECT cohort_id, enrolled_at FROM enrollment) held
GROUP BY cohort_id;
