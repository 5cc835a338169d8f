package dev.switchboard.routing.provider;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code PUT /api/v1/providers/{id}}.
 *
 * @param credentialRef optional: a local server that needs no key has none
 */
record ProviderRequest(
        @NotBlank
        @Pattern(regexp = "openai|anthropic|gemini|openai-compatible|ollama|vllm|azure-openai",
                message = "must be one of openai, anthropic, gemini, openai-compatible, ollama, vllm, azure-openai")
        String type,
        @NotBlank @HttpUrl String baseUrl,
        @CredentialRef String credentialRef) {
}
