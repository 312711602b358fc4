-- Candidates now come from the shortlist (ApplicationShortlisted), not from submissions.
DELETE FROM candidate;
ALTER TABLE candidate
    ALTER COLUMN submitted_at DROP NOT NULL,
    ADD COLUMN call_id          UUID NOT NULL,
    ADD COLUMN country          TEXT,
    ADD COLUMN stage            TEXT,
    ADD COLUMN models           JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN founders         JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN rank             INT,
    ADD COLUMN normalized_score NUMERIC(12, 4),
    ADD COLUMN shortlisted_at   TIMESTAMPTZ NOT NULL,
    ADD COLUMN withdrawn_at     TIMESTAMPTZ,
    ADD COLUMN withdrawal_reason TEXT;
CREATE INDEX candidate_call ON candidate (call_id);

CREATE TABLE cohort (
    id             UUID PRIMARY KEY,
    version        BIGINT      NOT NULL,
    name           TEXT        NOT NULL,
    edition        TEXT        NOT NULL,
    call_id        UUID        NOT NULL,
    start_date     DATE        NOT NULL,
    end_date       DATE        NOT NULL,
    time_zone      TEXT        NOT NULL,
    capacity       INT         NOT NULL CHECK (capacity > 0),
    location       TEXT        NOT NULL,
    offer_validity TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    started_at     TIMESTAMPTZ,
    completed_at   TIMESTAMPTZ,
    CHECK (start_date < end_date)
);

-- A candidate's place in a cohort: an offer (pending, accepted, declined, expired) or a waitlist position.
CREATE TABLE selection (
    id                UUID PRIMARY KEY,
    version           BIGINT      NOT NULL,
    cohort_id         UUID        NOT NULL REFERENCES cohort (id),
    application_id    UUID        NOT NULL REFERENCES candidate (application_id),
    status            TEXT        NOT NULL,
    waitlist_position INT,
    offered_at        TIMESTAMPTZ,
    offer_expires_at  TIMESTAMPTZ,
    decided_at        TIMESTAMPTZ,
    reason            TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (cohort_id, application_id)
);
CREATE INDEX selection_cohort_status ON selection (cohort_id, status);
CREATE INDEX selection_offer_expiry ON selection (offer_expires_at) WHERE status = 'OFFERED';

CREATE TABLE member (
    id              UUID PRIMARY KEY,
    version         BIGINT      NOT NULL,
    cohort_id       UUID        NOT NULL REFERENCES cohort (id),
    selection_id    UUID        NOT NULL UNIQUE REFERENCES selection (id),
    application_id  UUID        NOT NULL,
    applicant_id    TEXT        NOT NULL,
    company_name    TEXT        NOT NULL,
    contacts        JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    enrolled_at     TIMESTAMPTZ NOT NULL,
    left_at         TIMESTAMPTZ,
    left_reason     TEXT,
    completed       BOOLEAN     NOT NULL DEFAULT true,
    completion_note TEXT,
    UNIQUE (cohort_id, application_id)
);
CREATE INDEX member_applicant ON member (applicant_id);

CREATE TABLE calendar_event (
    id          UUID PRIMARY KEY,
    version     BIGINT      NOT NULL,
    cohort_id   UUID        NOT NULL REFERENCES cohort (id),
    kind        TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    description TEXT,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    location    TEXT,
    link        TEXT,
    partner     TEXT,
    attendees   JSONB,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    CHECK (starts_at < ends_at)
);
CREATE INDEX calendar_event_cohort ON calendar_event (cohort_id, starts_at);

CREATE TABLE milestone (
    id          UUID PRIMARY KEY,
    cohort_id   UUID        NOT NULL REFERENCES cohort (id),
    title       TEXT        NOT NULL,
    description TEXT,
    due_date    DATE        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX milestone_cohort ON milestone (cohort_id, due_date);

CREATE TABLE member_milestone (
    member_id     UUID        NOT NULL REFERENCES member (id),
    milestone_id  UUID        NOT NULL REFERENCES milestone (id),
    version       BIGINT      NOT NULL,
    status        TEXT        NOT NULL,
    update_text   TEXT,
    admin_comment TEXT,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, milestone_id)
);
