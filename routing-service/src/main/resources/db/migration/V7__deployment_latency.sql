-- Recent p95 latency per provider deployment as each edge reports it, for the "fastest" route strategy.
-- One row per (edge, deployment); a report replaces the edge's previous rows, and rows older than the
-- routing window are deleted on every write, so the table stays as small as the fleet.
create table deployment_latency (
    edge_id       text   not null,
    deployment_id text   not null,
    samples       bigint not null check (samples >= 0),
    p95_millis    bigint not null check (p95_millis >= 0),
    reported_at   timestamptz not null default now(),
    primary key (edge_id, deployment_id)
);

create index deployment_latency_reported_at on deployment_latency (reported_at);
