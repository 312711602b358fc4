-- Candidates: a read model of applications-service's events, kept by the event consumer only.
CREATE TABLE candidate (
    application_id UUID PRIMARY KEY,
    applicant_id   TEXT        NOT NULL,
    company_name   TEXT        NOT NULL,
    submitted_at   TIMESTAMPTZ NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL
);
