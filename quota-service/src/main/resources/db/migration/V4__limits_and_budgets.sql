-- Issue 6: limits and budgets per scope. A scope is 'global', 'team:<id>' or 'key:<id>'; team_id / key_id repeat
-- the id so that a team's or key's rows go with it when it is deleted.
-- The admission engine does not read these tables yet: it still uses api_keys.requests_per_minute.

create table limits (
    id                  bigserial   primary key,
    scope               text        not null,
    team_id             text        references teams (id) on delete cascade,
    key_id              text        references api_keys (id) on delete cascade,
    -- null: every model
    model               text,
    requests_per_minute integer,
    tokens_per_minute   bigint,
    max_concurrent      integer,
    max_output_tokens   integer,
    updated_at          timestamptz not null default now(),
    constraint limits_scope check (scope = 'global' and team_id is null and key_id is null
        or scope = 'team:' || team_id and key_id is null
        or scope = 'key:' || key_id and team_id is null),
    constraint limits_positive check (coalesce(requests_per_minute, 1) > 0 and coalesce(tokens_per_minute, 1) > 0
        and coalesce(max_concurrent, 1) > 0 and coalesce(max_output_tokens, 1) > 0)
);

create unique index limits_scope_model on limits (scope, (coalesce(model, '')));

create table budgets (
    id             bigserial   primary key,
    scope          text        not null,
    team_id        text        references teams (id) on delete cascade,
    key_id         text        references api_keys (id) on delete cascade,
    kind           text        not null check (kind in ('tokens', 'money')),
    period         text        not null check (period in ('day', 'week', 'month')),
    -- IANA zone in which the calendar period starts and ends
    time_zone      text        not null default 'UTC',
    -- tokens: a whole number; money: an exact amount in currency
    hard_limit     numeric(20, 6) not null check (hard_limit > 0),
    soft_threshold numeric(20, 6) check (soft_threshold > 0 and soft_threshold < hard_limit),
    -- ISO 4217 for money, null for tokens
    currency       char(3),
    updated_at     timestamptz not null default now(),
    constraint budgets_scope check (scope = 'global' and team_id is null and key_id is null
        or scope = 'team:' || team_id and key_id is null
        or scope = 'key:' || key_id and team_id is null),
    constraint budgets_currency check ((kind = 'money') = (currency is not null)),
    constraint budgets_whole_tokens check (kind = 'money' or (hard_limit = trunc(hard_limit)
        and (soft_threshold is null or soft_threshold = trunc(soft_threshold)))),
    unique (scope, kind, period)
);
