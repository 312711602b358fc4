-- A webhook URL a partner set itself is only called at a public HTTPS address (checked when set and before each
-- delivery); one an admin set is trusted as it is.
ALTER TABLE partner ADD COLUMN webhook_url_set_by_partner BOOLEAN NOT NULL DEFAULT false;
