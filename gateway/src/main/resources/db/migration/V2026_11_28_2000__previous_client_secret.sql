-- A planned rotation of a client's secret keeps the secret it replaces working for a while, so the partner's system
-- can switch to the new one without a moment where neither gets a token.
ALTER TABLE api_client
    ADD COLUMN previous_secret_hash TEXT,
    ADD COLUMN previous_secret_until TIMESTAMPTZ,
    ADD CONSTRAINT api_client_previous_secret_until CHECK ((previous_secret_hash IS NULL) = (previous_secret_until IS NULL));
