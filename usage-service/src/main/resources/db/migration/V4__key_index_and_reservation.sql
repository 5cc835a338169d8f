-- Serves "a key's requests in a time range" (usage totals of scope key:<id>), as the team index does for teams.
CREATE INDEX usage_events_key_occurred_idx ON usage_events (key_id, occurred_at);
-- The quota reservation admission granted, which quota-service settles from this event; null for requests
-- refused before admission and for events from edges older than reservations.
ALTER TABLE usage_events ADD COLUMN reservation_id text;
