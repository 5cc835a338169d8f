-- Which requests a model serves: chat completions or embeddings. Capability routing and team rules must never
-- send a chat request to an embedding model because it is the cheapest, nor embeddings to a chat model.
alter table models
    add column kind text not null default 'chat' check (kind in ('chat', 'embedding'));
