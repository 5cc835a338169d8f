-- Issue 7: a team may opt in to having its prompts and responses logged (redacted) by the edge. Off unless an
-- admin turns it on; the edge learns it with each key authentication.
alter table teams add column log_prompts boolean not null default false;
