CREATE TABLE partner (
    code         TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    version      BIGINT      NOT NULL DEFAULT 0,
    name         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The 2023 edition's partners; further partners are added through the API.
INSERT INTO partner (code, name) VALUES
    ('META', 'Meta'),
    ('HUGGING_FACE', 'Hugging Face'),
    ('SCALEWAY', 'Scaleway');
