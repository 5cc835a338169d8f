-- One row per request, as reported by the edge. request_id is the idempotency key: redelivered events
-- hit ON CONFLICT DO NOTHING. Only what every event must carry is NOT NULL; anything stricter would turn
-- an odd but billable event into a database error.
CREATE TABLE usage_events (
    request_id          text        PRIMARY KEY,
    occurred_at         timestamptz NOT NULL,
    team_id             text        NOT NULL,
    key_id              text,
    user_id             text,
    tags                jsonb       NOT NULL DEFAULT '{}'::jsonb,
    route_id            text,
    requested_model     text,
    provider_id         text,
    served_model        text,
    model_version       text,
    attempts            jsonb       NOT NULL DEFAULT '[]'::jsonb,
    input_tokens        bigint      NOT NULL,
    cached_input_tokens bigint      NOT NULL,
    output_tokens       bigint      NOT NULL,
    tokens_estimated    boolean     NOT NULL,
    -- unconstrained numeric keeps the exact decimal the edge computed, scale included;
    -- null when the request never reached a provider
    cost                numeric,
    price_version       text,
    cache_outcome       text,
    stream              boolean     NOT NULL,
    ttft_ms             bigint,
    latency_ms          bigint      NOT NULL,
    status              integer     NOT NULL,
    error_type          text,
    recorded_at         timestamptz NOT NULL DEFAULT now()
);

-- Serves "a team's requests in a time range", the shape of every spend query.
CREATE INDEX usage_events_team_occurred_idx ON usage_events (team_id, occurred_at);
