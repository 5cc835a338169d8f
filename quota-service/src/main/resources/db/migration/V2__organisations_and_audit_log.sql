-- Issue 6: teams may belong to an organisation, and every admin change is audited.

create table organisations (
    id         text        primary key,
    name       text        not null,
    created_at timestamptz not null default now(),
    constraint organisations_id_format check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    constraint organisations_name_not_blank check (length(btrim(name)) > 0)
);

-- null: a team on its own; an organisation with teams cannot be deleted (the API answers 409 first)
alter table teams add column organisation_id text references organisations (id);
create index teams_organisation_id on teams (organisation_id);

-- One row per create, update or delete, written in the same transaction as the change. before/after hold
-- what the admin API shows for the entity, which never includes key material.
create table audit_log (
    id          bigserial primary key,
    occurred_at timestamptz not null default clock_timestamp(),
    actor       text not null check (length(actor) between 1 and 100),
    action      text not null check (action in ('create', 'update', 'delete')),
    entity_type text not null check (entity_type in ('organisation', 'team', 'key', 'limit', 'budget')),
    entity_id   text not null,
    before      jsonb,
    after       jsonb,
    check ((action = 'create') = (before is null) and (action = 'delete') = (after is null))
);

create index audit_log_entity on audit_log (entity_type, entity_id, id);

-- Append-only even through the application's own connection, as in routing.audit_log.
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op;
end;
$$;

create trigger audit_log_append_only
    before update or delete on audit_log
    for each row execute function audit_log_refuse_change();

create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_refuse_change();
