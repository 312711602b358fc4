-- The hourly purge of keys past their retention finds them by age.
CREATE INDEX idempotent_request_created_at ON idempotent_request (created_at);
