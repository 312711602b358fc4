ALTER TABLE partner
    ADD COLUMN contacts       JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN webhook_url    TEXT,
    ADD COLUMN signing_secret TEXT;
-- The seeded partners get a secret of their own (rotated through the API before going live).
UPDATE partner SET signing_secret = encode(sha256(random()::text::bytea || code::bytea), 'hex') WHERE signing_secret IS NULL;
ALTER TABLE partner ALTER COLUMN signing_secret SET NOT NULL;

-- What each member of a cohort receives, per partner.
CREATE TABLE resource_package (
    cohort_id  UUID PRIMARY KEY,
    version    BIGINT      NOT NULL,
    name       TEXT        NOT NULL,
    items      JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Members as cohort-service reported them (MemberEnrolled / MemberWithdrew).
CREATE TABLE enrollment (
    member_id      UUID PRIMARY KEY,
    cohort_id      UUID        NOT NULL,
    application_id UUID        NOT NULL,
    applicant_id   TEXT        NOT NULL,
    company_name   TEXT        NOT NULL,
    contacts       JSONB       NOT NULL,
    status         TEXT        NOT NULL,
    enrolled_at    TIMESTAMPTZ NOT NULL,
    left_at        TIMESTAMPTZ
);
CREATE INDEX enrollment_cohort ON enrollment (cohort_id);
CREATE INDEX enrollment_applicant ON enrollment (applicant_id);

CREATE TABLE grant_account (
    id                  UUID PRIMARY KEY,
    version             BIGINT         NOT NULL,
    cohort_id           UUID           NOT NULL,
    member_id           UUID           NOT NULL REFERENCES enrollment (member_id),
    partner             TEXT           NOT NULL REFERENCES partner (code),
    item_key            TEXT           NOT NULL,
    kind                TEXT           NOT NULL,
    description         TEXT           NOT NULL,
    unit                TEXT           NOT NULL,
    entitlements        JSONB          NOT NULL DEFAULT '[]',
    amount_granted      NUMERIC(14, 2) NOT NULL CHECK (amount_granted > 0),
    balance             NUMERIC(14, 2) NOT NULL CHECK (balance >= 0),
    status              TEXT           NOT NULL,
    external_reference  TEXT,
    expires_at          TIMESTAMPTZ,
    thresholds_notified JSONB          NOT NULL DEFAULT '[]',
    issued_at           TIMESTAMPTZ    NOT NULL,
    activated_at        TIMESTAMPTZ,
    ended_at            TIMESTAMPTZ,
    -- Exactly one grant per member and package item, however often MemberEnrolled arrives.
    UNIQUE (member_id, item_key)
);
CREATE INDEX grant_partner ON grant_account (partner, status);
CREATE INDEX grant_cohort ON grant_account (cohort_id);

CREATE TABLE ledger_entry (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grant_id      UUID           NOT NULL REFERENCES grant_account (id),
    entry_type    TEXT           NOT NULL,
    amount        NUMERIC(14, 2) NOT NULL,
    balance_after NUMERIC(14, 2) NOT NULL CHECK (balance_after >= 0),
    actor         TEXT           NOT NULL,
    reason        TEXT           NOT NULL,
    reference     TEXT,
    created_at    TIMESTAMPTZ    NOT NULL
);
CREATE INDEX ledger_entry_grant ON ledger_entry (grant_id, id);

-- The ledger is append-only: corrections are new (compensating) entries.
CREATE FUNCTION ledger_entry_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries are append-only; record a compensating entry instead';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_is_append_only();

-- Answers to requests sent with an Idempotency-Key, per caller, replayed for the same key and body.
CREATE TABLE idempotent_request (
    caller          TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_hash    TEXT        NOT NULL,
    response_status INT,
    response_body   TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);

CREATE TABLE mentor (
    id         UUID PRIMARY KEY,
    version    BIGINT      NOT NULL,
    partner    TEXT        NOT NULL REFERENCES partner (code),
    name       TEXT        NOT NULL,
    email      TEXT        NOT NULL,
    expertise  JSONB       NOT NULL DEFAULT '[]',
    active     BOOLEAN     NOT NULL DEFAULT true,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE mentoring_slot (
    id         UUID PRIMARY KEY,
    version    BIGINT      NOT NULL,
    mentor_id  UUID        NOT NULL REFERENCES mentor (id),
    starts_at  TIMESTAMPTZ NOT NULL,
    ends_at    TIMESTAMPTZ NOT NULL,
    status     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    CHECK (starts_at < ends_at)
);
CREATE INDEX mentoring_slot_mentor ON mentoring_slot (mentor_id, starts_at);

CREATE TABLE mentoring_session (
    id         UUID PRIMARY KEY,
    version    BIGINT      NOT NULL,
    slot_id    UUID        NOT NULL REFERENCES mentoring_slot (id),
    member_id  UUID        NOT NULL REFERENCES enrollment (member_id),
    grant_id   UUID        NOT NULL REFERENCES grant_account (id),
    status     TEXT        NOT NULL,
    booked_at  TIMESTAMPTZ NOT NULL,
    ended_at   TIMESTAMPTZ,
    note       TEXT
);
-- A slot is never double-booked: at most one session holds it.
CREATE UNIQUE INDEX mentoring_session_one_per_slot ON mentoring_session (slot_id) WHERE status IN ('BOOKED', 'DELIVERED', 'NO_SHOW', 'CANCELLED_LATE');

CREATE TABLE webhook_delivery (
    id              UUID PRIMARY KEY,
    partner         TEXT        NOT NULL REFERENCES partner (code),
    event_id        UUID        NOT NULL,
    event_type      TEXT        NOT NULL,
    payload         TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_status     INT,
    last_error      TEXT,
    delivered_at    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_partner ON webhook_delivery (partner, created_at);
