-- An admin edits a milestone (a typo in its title, a due date moved) with the version it read, so two edits at once
-- give one success and one 409 instead of a silent overwrite.
ALTER TABLE milestone ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
