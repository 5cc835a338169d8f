package dev.switchboard.routing.provider;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code PUT /api/v1/providers/{id}}. A PUT replaces the provider: absent optional fields take their defaults.
 *
 * @param credentialRef optional: a local server that needs no key has none
 * @param enabled       defaults to true; a disabled provider's models are never candidates
 * @param timeouts      optional; each absent timeout is the edge's default
 */
record ProviderRequest(
        @NotBlank
        @Pattern(regexp = "openai|anthropic|gemini|openai-compatible|ollama|vllm|azure-openai",
                message = "must be one of openai, anthropic, gemini, openai-compatible, ollama, vllm, azure-openai")
        String type,
        @NotBlank @HttpUrl String baseUrl,
        @CredentialRef String credentialRef,
        Boolean enabled,
        @Valid TimeoutsRequest timeouts) {

    boolean enabledOrDefault() {
        return enabled == null || enabled;
    }
}
