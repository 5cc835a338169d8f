-- Issue 6: what a key may do beyond calling models. The only scope so far is 'keys:write': the key may manage
-- its own team's keys through the admin API, never with more rights than its own. The API refuses unknown scopes.
alter table api_keys add column scopes text[] not null default '{}';
