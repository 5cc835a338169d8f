-- Aliases: stable names clients may send (fast, smart) that point at one public model.
-- An alias name never equals a model name; the admin API checks it while holding the registry_version
-- row lock, which every admin change takes first, so the check cannot race another write.
create table model_aliases (
    name       text primary key,
    -- restrict: a model cannot disappear from under the aliases that point at it
    model_name text not null references models (name) on delete restrict,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create index model_aliases_model_name on model_aliases (model_name);
