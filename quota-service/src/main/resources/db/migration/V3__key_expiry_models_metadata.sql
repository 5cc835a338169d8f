-- Issue 6: keys may expire (also how a rotated key's overlap ends), may be limited to some models or aliases,
-- and carry free-form metadata such as owner and purpose.

-- null: never expires; an expired key is refused like a revoked one
alter table api_keys add column expires_at timestamptz;
-- empty: every model and alias
alter table api_keys add column allowed_models text[] not null default '{}';
-- string to string; sizes are checked by the API
alter table api_keys add column metadata jsonb not null default '{}'::jsonb;
-- the key this one replaced by rotation, for the audit trail and the admin UI
alter table api_keys add column rotated_from text references api_keys (id);

alter table api_keys add constraint api_keys_metadata_object check (jsonb_typeof(metadata) = 'object');
