-- Provider types for local servers with their own OpenAI dialects (Ollama, vLLM) and for Azure OpenAI;
-- the edge has one adapter per type.
alter table providers drop constraint providers_type_check;
alter table providers add constraint providers_type_check
    check (type in ('openai', 'anthropic', 'gemini', 'openai-compatible', 'ollama', 'vllm', 'azure-openai'));
