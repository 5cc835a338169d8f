-- Issue 7: the ledger becomes usage_records, range-partitioned by month on occurred_at, so old months can be
-- detached or dropped whole and a month's queries touch one partition. A partitioned table's unique keys must
-- include the partition key, so "one row per request id" is kept by usage_request_ids instead: the ledger inserts
-- there first, in the same transaction, and skips the record when the id is already known.
CREATE TABLE usage_records (
    request_id          text        NOT NULL,
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
    -- the part of output_tokens spent on hidden reasoning (already counted in output_tokens)
    reasoning_tokens    bigint      NOT NULL DEFAULT 0,
    tokens_estimated    boolean     NOT NULL,
    -- exact, in currency; null when the request never reached a priced provider
    cost                numeric,
    -- what a cache hit would have cost at the provider; null unless the request was answered from the cache
    saved_cost          numeric,
    currency            text,
    price_version       text,
    -- the price the cost was computed from, per million tokens, so every bill can be re-derived from its row
    input_price_per_million        numeric,
    cached_input_price_per_million numeric,
    output_price_per_million       numeric,
    cache_outcome       text,
    stream              boolean     NOT NULL,
    ttft_ms             bigint,
    latency_ms          bigint      NOT NULL,
    status              integer     NOT NULL,
    error_type          text,
    route               jsonb,
    served_by           text,
    reservation_id      text,
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (request_id, occurred_at)
) PARTITION BY RANGE (occurred_at);

CREATE INDEX usage_records_team_occurred_idx ON usage_records (team_id, occurred_at);
CREATE INDEX usage_records_key_occurred_idx ON usage_records (key_id, occurred_at);

-- The idempotency key across all partitions: one row per request id ever seen.
CREATE TABLE usage_request_ids (
    request_id  text        PRIMARY KEY,
    occurred_at timestamptz NOT NULL
);

-- Creates the month partition holding ts (UTC months) unless it exists. Serialised by an advisory lock, so two
-- usage-service instances meeting a new month at once do not both try.
-- SET search_path FROM CURRENT pins the migration's schema, so callers need not have "usage" on their path.
CREATE FUNCTION ensure_usage_partition(ts timestamptz) RETURNS text LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
DECLARE
    month_start timestamptz := date_trunc('month', ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    partition_name text := 'usage_records_' || to_char(ts AT TIME ZONE 'UTC', 'YYYY_MM');
BEGIN
    IF to_regclass(partition_name) IS NULL THEN
        PERFORM pg_advisory_xact_lock(hashtext('usage_records_partitions'));
        IF to_regclass(partition_name) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF usage_records FOR VALUES FROM (%L) TO (%L)',
                           partition_name, month_start, month_start + interval '1 month');
        END IF;
    END IF;
    RETURN partition_name;
END;
$$;

-- Months of the old table's rows, and this month with the next two, before the rows move over.
SELECT ensure_usage_partition(m)
FROM (SELECT DISTINCT date_trunc('month', occurred_at) AS m FROM usage_events
      UNION SELECT now() UNION SELECT now() + interval '1 month' UNION SELECT now() + interval '2 months') months;

INSERT INTO usage_records (request_id, occurred_at, team_id, key_id, user_id, tags, route_id, requested_model,
                           provider_id, served_model, model_version, attempts, input_tokens, cached_input_tokens,
                           output_tokens, tokens_estimated, cost, currency, price_version, cache_outcome, stream,
                           ttft_ms, latency_ms, status, error_type, route, served_by, reservation_id, recorded_at)
SELECT request_id, occurred_at, team_id, key_id, user_id, tags, route_id, requested_model, provider_id, served_model,
       model_version, attempts, input_tokens, cached_input_tokens, output_tokens, tokens_estimated, cost,
       CASE WHEN cost IS NULL THEN NULL ELSE 'USD' END, price_version, cache_outcome, stream, ttft_ms, latency_ms,
       status, error_type, route, served_by, reservation_id, recorded_at
FROM usage_events;

INSERT INTO usage_request_ids (request_id, occurred_at) SELECT request_id, occurred_at FROM usage_events;

DROP TABLE usage_events;

-- Daily sums kept current in the same transaction as each new record, for dashboards and spend queries that
-- would otherwise scan every request. Days are UTC dates. Absent dimensions are '' (not null) so they can be part
-- of the primary key; money is per currency and never summed across currencies.
CREATE TABLE usage_daily_rollups (
    day                 date    NOT NULL,
    team_id             text    NOT NULL,
    key_id              text    NOT NULL DEFAULT '',
    provider_id         text    NOT NULL DEFAULT '',
    model               text    NOT NULL DEFAULT '',
    currency            text    NOT NULL DEFAULT '',
    requests            bigint  NOT NULL DEFAULT 0,
    errors              bigint  NOT NULL DEFAULT 0,
    cache_hits          bigint  NOT NULL DEFAULT 0,
    estimated_requests  bigint  NOT NULL DEFAULT 0,
    input_tokens        bigint  NOT NULL DEFAULT 0,
    cached_input_tokens bigint  NOT NULL DEFAULT 0,
    output_tokens       bigint  NOT NULL DEFAULT 0,
    reasoning_tokens    bigint  NOT NULL DEFAULT 0,
    cost                numeric NOT NULL DEFAULT 0,
    saved_cost          numeric NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team_id, key_id, provider_id, model, currency)
);

-- The same sums per request tag (one row per tag a request carried, so a request with two tags counts in both).
CREATE TABLE usage_daily_tag_rollups (
    day                 date    NOT NULL,
    team_id             text    NOT NULL,
    tag_key             text    NOT NULL,
    tag_value           text    NOT NULL,
    currency            text    NOT NULL DEFAULT '',
    requests            bigint  NOT NULL DEFAULT 0,
    errors              bigint  NOT NULL DEFAULT 0,
    cache_hits          bigint  NOT NULL DEFAULT 0,
    estimated_requests  bigint  NOT NULL DEFAULT 0,
    input_tokens        bigint  NOT NULL DEFAULT 0,
    cached_input_tokens bigint  NOT NULL DEFAULT 0,
    output_tokens       bigint  NOT NULL DEFAULT 0,
    reasoning_tokens    bigint  NOT NULL DEFAULT 0,
    cost                numeric NOT NULL DEFAULT 0,
    saved_cost          numeric NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team_id, tag_key, tag_value, currency)
);

CREATE INDEX usage_daily_tag_rollups_tag_idx ON usage_daily_tag_rollups (tag_key, tag_value, day);

-- Rollups of the rows moved over from usage_events.
INSERT INTO usage_daily_rollups (day, team_id, key_id, provider_id, model, currency, requests, errors, cache_hits,
                                 estimated_requests, input_tokens, cached_input_tokens, output_tokens, cost)
SELECT (occurred_at AT TIME ZONE 'UTC')::date, team_id, coalesce(key_id, ''), coalesce(provider_id, ''),
       coalesce(served_model, ''), coalesce(currency, ''), count(*), count(*) FILTER (WHERE status >= 400),
       count(*) FILTER (WHERE cache_outcome IN ('hit', 'semantic_hit')), count(*) FILTER (WHERE tokens_estimated),
       sum(input_tokens), sum(cached_input_tokens), sum(output_tokens), coalesce(sum(cost), 0)
FROM usage_records
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO usage_daily_tag_rollups (day, team_id, tag_key, tag_value, currency, requests, errors, cache_hits,
                                     estimated_requests, input_tokens, cached_input_tokens, output_tokens, cost)
SELECT (occurred_at AT TIME ZONE 'UTC')::date, team_id, tag.key, tag.value, coalesce(currency, ''), count(*),
       count(*) FILTER (WHERE status >= 400), count(*) FILTER (WHERE cache_outcome IN ('hit', 'semantic_hit')),
       count(*) FILTER (WHERE tokens_estimated), sum(input_tokens), sum(cached_input_tokens), sum(output_tokens),
       coalesce(sum(cost), 0)
FROM usage_records, jsonb_each_text(tags) AS tag
GROUP BY 1, 2, 3, 4, 5;
