package dev.switchboard.edge.provider.openai;

/**
 * What an OpenAI-compatible server does differently from OpenAI (wire-formats §4.2, §4.3).
 *
 * @param mapDeveloperRole       the server does not know the {@code developer} role, so it is sent as {@code system}
 * @param onlyMaxTokens          the server reads {@code max_tokens} but not {@code max_completion_tokens}
 * @param supportsToolChoice     the server honours {@code tool_choice} beyond {@code auto}
 * @param supportsN              the server can return several choices
 * @param supportsLogitBias      the server honours {@code logit_bias}
 * @param supportsImageUrls      the server fetches {@code https} image URLs (else only {@code data:} URLs)
 * @param supportsTokenEmbedding the embeddings endpoint accepts token arrays
 */
record LocalServerDialect(String providerType, boolean mapDeveloperRole, boolean onlyMaxTokens,
                          boolean supportsToolChoice, boolean supportsN, boolean supportsLogitBias,
                          boolean supportsImageUrls, boolean supportsTokenEmbedding) {

    /** Any server that claims OpenAI compatibility (LM Studio, llama.cpp, LocalAI...): assume the common subset. */
    static final LocalServerDialect GENERIC =
            new LocalServerDialect("openai-compatible", true, true, true, true, true, true, true);

    /** Ollama's {@code /v1}: no tool_choice, n, logit_bias or image URLs; ignores max_completion_tokens. */
    static final LocalServerDialect OLLAMA =
            new LocalServerDialect("ollama", true, true, false, false, false, false, false);

    /** vLLM's OpenAI server: close to OpenAI; extra fields are ignored, max_completion_tokens is read. */
    static final LocalServerDialect VLLM =
            new LocalServerDialect("vllm", false, false, true, true, true, true, true);
}
