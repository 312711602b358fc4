-- Calls for applications: one row per edition; its form, rubric and eligibility rules are data (jsonb).
CREATE TABLE program_call (
    id                        UUID PRIMARY KEY,
    version                   BIGINT      NOT NULL,
    name                      TEXT        NOT NULL,
    edition                   TEXT        NOT NULL,
    description               TEXT        NOT NULL,
    status                    TEXT        NOT NULL,
    time_zone                 TEXT        NOT NULL,
    opens_at                  TIMESTAMPTZ NOT NULL,
    closes_at                 TIMESTAMPTZ NOT NULL,
    review_closes_at          TIMESTAMPTZ NOT NULL,
    places                    INT         NOT NULL,
    reviewers_per_application INT         NOT NULL,
    partners                  JSONB       NOT NULL,
    eligibility               JSONB       NOT NULL,
    questions                 JSONB       NOT NULL,
    rubric                    JSONB       NOT NULL,
    decisions_published_at    TIMESTAMPTZ,
    created_at                TIMESTAMPTZ NOT NULL,
    CHECK (opens_at < closes_at AND closes_at <= review_closes_at)
);

-- Applications from the backbone had no call; none exist outside test databases.
DELETE FROM application;

ALTER TABLE application
    ADD COLUMN call_id               UUID REFERENCES program_call (id),
    ADD COLUMN registration_number   TEXT,
    ADD COLUMN registration_key      TEXT,
    ADD COLUMN normalized_name       TEXT,
    ADD COLUMN country               TEXT,
    ADD COLUMN website               TEXT,
    ADD COLUMN stage                 TEXT,
    ADD COLUMN team_size             INT,
    ADD COLUMN founders              JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN founder_emails        TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN models                JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN model_names           TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN product               TEXT,
    ADD COLUMN answers               JSONB NOT NULL DEFAULT '{}',
    ADD COLUMN updated_at            TIMESTAMPTZ,
    ADD COLUMN eligibility           TEXT,
    ADD COLUMN eligibility_reasons   JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN eligibility_overridden BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN decision              TEXT,
    ADD COLUMN decision_reason       TEXT,
    ADD COLUMN decided_by            TEXT,
    ADD COLUMN decided_at            TIMESTAMPTZ,
    ADD COLUMN decision_published_at TIMESTAMPTZ;
ALTER TABLE application ALTER COLUMN call_id SET NOT NULL;
ALTER TABLE application ALTER COLUMN updated_at SET NOT NULL;

-- One live application per startup account per call, and per registered company per call.
CREATE UNIQUE INDEX application_one_per_applicant ON application (call_id, applicant_id) WHERE status <> 'WITHDRAWN';
CREATE UNIQUE INDEX application_one_per_registration ON application (call_id, registration_key)
    WHERE status NOT IN ('WITHDRAWN', 'DRAFT') AND registration_key IS NOT NULL;
CREATE INDEX application_call_status ON application (call_id, status);
CREATE INDEX application_normalized_name ON application (call_id, normalized_name);

CREATE SEQUENCE application_status_change_seq INCREMENT BY 50;
CREATE TABLE application_status_change (
    id             BIGINT PRIMARY KEY,
    application_id UUID        NOT NULL REFERENCES application (id),
    changed_at     TIMESTAMPTZ NOT NULL,
    actor          TEXT        NOT NULL,
    from_status    TEXT,
    to_status      TEXT        NOT NULL,
    reason         TEXT
);
CREATE INDEX application_status_change_application ON application_status_change (application_id, id);

CREATE TABLE reviewer (
    id                 UUID PRIMARY KEY,
    version            BIGINT      NOT NULL,
    account_id         TEXT        NOT NULL UNIQUE,
    name               TEXT        NOT NULL,
    email              TEXT        NOT NULL,
    organization       TEXT        NOT NULL,
    conflict_companies JSONB       NOT NULL DEFAULT '[]',
    conflict_domains   JSONB       NOT NULL DEFAULT '[]',
    active             BOOLEAN     NOT NULL DEFAULT true,
    created_at         TIMESTAMPTZ NOT NULL
);

-- Each call's review committee: the reviewers its applications are assigned to.
CREATE TABLE call_reviewer (
    call_id     UUID NOT NULL REFERENCES program_call (id),
    reviewer_id UUID NOT NULL REFERENCES reviewer (id),
    PRIMARY KEY (call_id, reviewer_id)
);

CREATE TABLE review (
    id             UUID PRIMARY KEY,
    version        BIGINT      NOT NULL,
    call_id        UUID        NOT NULL REFERENCES program_call (id),
    application_id UUID        NOT NULL REFERENCES application (id),
    reviewer_id    UUID        NOT NULL REFERENCES reviewer (id),
    scores         JSONB       NOT NULL DEFAULT '[]',
    weighted_score NUMERIC(12, 6),
    assigned_at    TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ,
    UNIQUE (application_id, reviewer_id)
);
CREATE INDEX review_reviewer ON review (reviewer_id);
CREATE INDEX review_call ON review (call_id);
