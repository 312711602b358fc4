-- A planned rotation of a partner's webhook signing secret keeps the secret it replaces for a while: webhooks are
-- signed with both until then, so the partner's endpoint can switch without refusing any. Sealed like signing_secret.
ALTER TABLE partner
    ADD COLUMN previous_signing_secret TEXT,
    ADD COLUMN previous_signing_secret_until TIMESTAMPTZ,
    ADD CONSTRAINT partner_previous_signing_secret_until CHECK ((previous_signing_secret IS NULL) = (previous_signing_secret_until IS NULL));
