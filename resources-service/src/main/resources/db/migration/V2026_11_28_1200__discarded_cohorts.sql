-- Cohorts cohort-service discarded while they were still planned (made by mistake). Their package is dropped, and a
-- package put for them afterwards (a script still holding the id) is refused instead of recreating it.
CREATE TABLE discarded_cohort (
    cohort_id    UUID PRIMARY KEY,
    discarded_at TIMESTAMPTZ NOT NULL
);
