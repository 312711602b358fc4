-- Founders' refresh tokens (RFC 6749 §6), kept as SHA-256 hashes of the random token. Each use replaces the token with
-- a new one of the same family (one login); a used token presented again revokes its whole family (RFC 9700 §4.14.2).
CREATE TABLE refresh_token (
    token_hash TEXT PRIMARY KEY,
    family_id  UUID        NOT NULL,
    account_id UUID        NOT NULL REFERENCES applicant_account (id),
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_expiry ON refresh_token (expires_at);
