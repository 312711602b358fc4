-- The hourly purge of deliveries past their retention finds the delivered ones by the time they were delivered.
CREATE INDEX webhook_delivery_delivered_at ON webhook_delivery (delivered_at) WHERE status = 'DELIVERED';
