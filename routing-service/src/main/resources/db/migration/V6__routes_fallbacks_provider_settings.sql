-- Issue 4: providers can be switched off and carry their own timeouts, models name ordered fallbacks, and
-- route rules decide which model serves a request.

-- Timeouts in milliseconds; null means "the edge's default". Bounds match the admin API's validation.
alter table providers
    add column enabled                    boolean not null default true,
    add column connect_timeout_millis     bigint check (connect_timeout_millis between 1 and 60000),
    add column first_token_timeout_millis bigint check (first_token_timeout_millis between 1 and 600000),
    add column idle_timeout_millis        bigint check (idle_timeout_millis between 1 and 600000),
    add column total_timeout_millis       bigint check (total_timeout_millis between 1 and 3600000);

-- Model or alias names, in failover order. Existence and cycles are checked by the admin API under the
-- registry_version row lock; an array keeps the order and the registry is small enough to scan.
alter table models add column fallbacks text[] not null default '{}';

-- Route rules, evaluated by position (first match wins). The rule itself is stored as the admin JSON;
-- model_refs lists every model or alias it names, so a model or alias it needs cannot be deleted under it.
create table routes (
    name       text primary key check (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    position   integer not null unique,
    enabled    boolean not null,
    definition jsonb   not null,
    model_refs text[]  not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

alter table audit_log drop constraint audit_log_entity_type_check;
alter table audit_log add constraint audit_log_entity_type_check
    check (entity_type in ('provider', 'model', 'alias', 'route'));
