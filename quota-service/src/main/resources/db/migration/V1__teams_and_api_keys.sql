-- Teams own gateway API keys. Keys are stored only as SHA-256 digests: the plaintext is shown once at
-- creation and cannot be recovered from this table.

create table teams (
    id         text        primary key,
    name       text        not null,
    created_at timestamptz not null default now(),
    constraint teams_id_format check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    constraint teams_name_not_blank check (length(btrim(name)) > 0)
);

create table api_keys (
    id                  text        primary key,
    team_id             text        not null references teams (id),
    name                text        not null,
    -- lowercase hex SHA-256 of the plaintext key; the edge authenticates by sending this digest
    key_hash            text        not null unique,
    -- first characters of the plaintext, enough for a human to recognise the key in a list
    key_prefix          text        not null,
    status              text        not null default 'active',
    -- null means unlimited
    requests_per_minute integer,
    created_at          timestamptz not null default now(),
    revoked_at          timestamptz,
    constraint api_keys_hash_format check (key_hash ~ '^[0-9a-f]{64}$'),
    constraint api_keys_status check (status in ('active', 'revoked')),
    constraint api_keys_revoked_at check ((status = 'revoked') = (revoked_at is not null)),
    constraint api_keys_rpm_not_negative check (requests_per_minute is null or requests_per_minute >= 0)
);

create index api_keys_team_id on api_keys (team_id);
