-- Edges report what they measured since their previous report (one window each, every few seconds), so a
-- deployment's recent latency is the sum of the reports inside the routing window, not each edge's last one.
-- Rows are only appended; those older than the window are deleted on every write.
alter table deployment_latency drop constraint deployment_latency_pkey;
create index deployment_latency_by_deployment on deployment_latency (deployment_id, reported_at);
