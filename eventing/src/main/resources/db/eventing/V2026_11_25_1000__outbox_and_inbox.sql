-- Shared by every service that publishes or consumes events (eventing library).
-- Versions are dates (yyyy_MM_dd_HHmm) so these migrations and each service's own interleave in the order written.

CREATE TABLE outbox_event (
    position        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        UUID        NOT NULL UNIQUE,
    topic           TEXT        NOT NULL,
    aggregate_id    TEXT        NOT NULL,
    event_type      TEXT        NOT NULL,
    cloud_event     TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at    TIMESTAMPTZ,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error      TEXT
);

-- The relay only ever scans what is still to publish.
CREATE INDEX outbox_event_unpublished ON outbox_event (position) WHERE published_at IS NULL;

CREATE TABLE inbox_event (
    consumer       TEXT        NOT NULL,
    event_source   TEXT        NOT NULL,
    event_id       TEXT        NOT NULL,
    event_type     TEXT        NOT NULL,
    topic          TEXT        NOT NULL,
    kafka_partition INT        NOT NULL,
    kafka_offset   BIGINT      NOT NULL,
    processed_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_source, event_id)
);
