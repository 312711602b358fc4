-- What this service knows of each cohort from cohort-service's events, in one row: when it was planned (CohortPlanned:
-- a package is put only for a planned cohort, so that a mistyped cohort id gets a 404 instead of a package no member
-- ever receives), completed and discarded. It takes over completed_cohort and discarded_cohort.
CREATE TABLE known_cohort (
    cohort_id    UUID PRIMARY KEY,
    planned_at   TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    discarded_at TIMESTAMPTZ
);

-- A cohort this service already holds a package or members of counts as planned from then on, without waiting for the
-- CohortPlanned events cohort-service publishes for its cohorts made before that event existed.
INSERT INTO known_cohort (cohort_id, planned_at, completed_at, discarded_at)
SELECT cohort_id, min(planned_at), min(completed_at), min(discarded_at)
FROM (SELECT cohort_id, updated_at AS planned_at, NULL::timestamptz AS completed_at, NULL::timestamptz AS discarded_at
      FROM resource_package
      UNION ALL
      SELECT cohort_id, enrolled_at, NULL, NULL FROM enrollment
      UNION ALL
      SELECT cohort_id, NULL, completed_at, NULL FROM completed_cohort
      UNION ALL
      SELECT cohort_id, NULL, NULL, discarded_at FROM discarded_cohort) facts
GROUP BY cohort_id;

DROP TABLE completed_cohort;
DROP TABLE discarded_cohort;
