-- Audit log of admin changes (issue 4): one row per create, update or delete, written in the same
-- transaction as the change, so a rolled-back change leaves no row and a committed one always has one.
-- before/after hold the entity's admin JSON (what its GET returns), with secret-looking fields masked.
create table audit_log (
    id          bigserial primary key,
    -- clock_timestamp(): admin writes queue on the registry_version row lock; now() would be the
    -- transaction start and could date a change before the one it waited for
    occurred_at timestamptz not null default clock_timestamp(),
    actor       text not null check (length(actor) between 1 and 100),
    action      text not null check (action in ('create', 'update', 'delete')),
    entity_type text not null check (entity_type in ('provider', 'model', 'alias')),
    entity_id   text not null,
    before      jsonb,
    after       jsonb,
    check ((action = 'create') = (before is null) and (action = 'delete') = (after is null))
);

create index audit_log_entity on audit_log (entity_type, entity_id, id);

-- History cannot be rewritten through the application's own connection: the app has no update or delete
-- path, and this refuses any that is tried anyway (a superuser can still drop the trigger, on purpose).
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
