-- Model registry: provider deployments, the public models they serve, and versioned prices.
-- Later migrations add aliases, task hints, capabilities, routes (A/B splits) and team overrides as
-- separate tables that reference models(name) and providers(id); nothing here needs to change for them.

create table providers (
    id             text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    type           text not null check (type in ('openai', 'anthropic', 'gemini', 'openai-compatible')),
    base_url       text not null,
    -- the NAME of the environment variable or mounted secret holding the key; the key itself is never stored
    credential_ref text,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

create table models (
    name              text primary key,
    -- restrict: a provider cannot disappear from under the models it serves
    provider_id       text not null references providers (id) on delete restrict,
    upstream_model    text not null,
    version           text not null,
    max_output_tokens integer not null default 4096 check (max_output_tokens > 0),
    enabled           boolean not null default true,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);

create index models_provider_id on models (provider_id);

-- Price history. No foreign key to models on purpose: bills point at these rows ("price-<id>"), so
-- they must outlive a deleted model. Rows are only ever inserted; the price in force for a model
-- version is the one with the latest effective_from that is not in the future.
create table model_prices (
    id                       bigserial primary key,
    model_name               text not null,
    model_version            text not null,
    input_per_million        numeric not null check (input_per_million >= 0),
    cached_input_per_million numeric check (cached_input_per_million >= 0),
    output_per_million       numeric not null check (output_per_million >= 0),
    -- clock_timestamp(): admin writes queue on the registry_version row lock, and a writer that waited
    -- must not date its price before the one committed while it waited (now() is the transaction start)
    effective_from           timestamptz not null default clock_timestamp()
);

create index model_prices_in_force on model_prices (model_name, model_version, effective_from desc, id desc);

-- The one definition of "the price in force": the latest row per model version that has taken effect.
-- clock_timestamp(), not now(), so a price written earlier in the same transaction is already visible.
create view prices_in_force as
select distinct on (model_name, model_version)
       id, model_name, model_version, input_per_million, cached_input_per_million, output_per_million, effective_from
from model_prices
where effective_from <= clock_timestamp()
order by model_name, model_version, effective_from desc, id desc;

-- One row. Bumped in the same transaction as every admin change so the edge can drop cached plans.
create table registry_version (
    singleton boolean primary key default true check (singleton),
    version   bigint not null
);

insert into registry_version (singleton, version) values (true, 0);
