-- Capability facts per model, for capability-aware routing and failover. Defaults claim nothing a model
-- was not declared to do (no tools, no structured output, no vision, no reasoning), so existing rows
-- and PUTs without these fields stay valid.
alter table models
    add column context_window            integer not null default 128000 check (context_window > 0),
    add column supports_tools            boolean not null default false,
    add column supports_structured_output boolean not null default false,
    add column supports_vision           boolean not null default false,
    add column reasoning_tier            text    not null default 'none'
        check (reasoning_tier in ('none', 'low', 'medium', 'high'));

-- A model may have been registered with more output tokens than the default window; widen its window
-- rather than invent a smaller output limit, so the constraint below holds for every existing row.
update models set context_window = max_output_tokens where max_output_tokens > context_window;

alter table models add constraint models_output_fits_context_window check (max_output_tokens <= context_window);
