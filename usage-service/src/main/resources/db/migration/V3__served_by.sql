-- How the answer was reached: primary, retry, fallback or hedge (gateway-edge's failover); null when no provider
-- answered and for events from edges older than failover.
ALTER TABLE usage_events ADD COLUMN served_by text;
