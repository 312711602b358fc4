-- Cohorts cohort-service reported completed. Their grants have ended: a package change or a late enrollment event
-- must not issue new grants to alumni.
CREATE TABLE completed_cohort (
    cohort_id    UUID PRIMARY KEY,
    completed_at TIMESTAMPTZ NOT NULL
);
