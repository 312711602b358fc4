-- Deliveries that fall due at the same instant (the events of one change: a grant revoked with its member's sessions
-- to come, two balance thresholds crossed by one debit) go out in the order they were recorded, not by random id.
ALTER TABLE webhook_delivery ADD COLUMN position BIGINT GENERATED ALWAYS AS IDENTITY;
DROP INDEX webhook_delivery_due;
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at, position) WHERE status = 'PENDING';
