-- Issue 7: the audit log of admin changes made in services that keep no database of their own (the edge's breaker
-- resets), arriving over Kafka topic switchboard.audit.v1. routing-service and quota-service keep their own
-- audit_log, written in each change's transaction. event_id is the idempotency key: a redelivered event is a no-op.
create table audit_log (
    id          bigserial   primary key,
    event_id    text        not null unique,
    occurred_at timestamptz not null,
    recorded_at timestamptz not null default clock_timestamp(),
    service     text        not null check (length(service) between 1 and 100),
    instance    text,
    actor       text        not null check (length(actor) between 1 and 200),
    action      text        not null check (length(action) between 1 and 50),
    entity_type text        not null check (length(entity_type) between 1 and 100),
    entity_id   text        not null,
    before      jsonb,
    after       jsonb
);

create index audit_log_entity on audit_log (entity_type, entity_id, id);

-- Append-only, as routing.audit_log and quota.audit_log: no update, delete or truncate, even through the app's
-- own connection.
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
