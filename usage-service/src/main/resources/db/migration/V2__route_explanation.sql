-- Why routing chose the served model (matched rule, strategy, split arm, every model considered with its
-- verdict), as the edge resolved it. Null for events refused before routing and for events from older edges.
ALTER TABLE usage_events ADD COLUMN route jsonb;
