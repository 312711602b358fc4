CREATE TABLE application (
    id            UUID PRIMARY KEY,
    version       BIGINT      NOT NULL,
    applicant_id  TEXT        NOT NULL,
    company_name  TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    submitted_at  TIMESTAMPTZ
);
CREATE INDEX application_applicant ON application (applicant_id);
