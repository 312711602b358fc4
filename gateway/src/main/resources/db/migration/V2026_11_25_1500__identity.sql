-- Clients of the OAuth2 client-credentials flow: partner systems and admin tools. Secrets are stored as bcrypt hashes.
CREATE TABLE api_client (
    client_id    TEXT PRIMARY KEY,
    name         TEXT        NOT NULL,
    secret_hash  TEXT        NOT NULL,
    roles        JSONB       NOT NULL,
    partner      TEXT,
    subject      TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    rotated_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);

-- Startup founders signing up through the frontend.
CREATE TABLE applicant_account (
    id            UUID PRIMARY KEY,
    email         TEXT        NOT NULL,
    name          TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX applicant_account_email ON applicant_account (lower(email));

-- RS256 signing keys: NEXT (published ahead), ACTIVE (signs), RETIRING (published until its tokens expire), RETIRED.
CREATE TABLE signing_key (
    kid          TEXT PRIMARY KEY,
    status       TEXT        NOT NULL,
    private_key  TEXT        NOT NULL,
    public_jwk   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    activated_at TIMESTAMPTZ,
    retire_after TIMESTAMPTZ
);

-- Tokens revoked before their expiry (RFC 7009), kept until they would have expired anyway.
CREATE TABLE revoked_token (
    jti        TEXT PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ NOT NULL
);
