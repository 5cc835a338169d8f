package dev.switchboard.routing.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code PUT /api/v1/models/{name}}. A PUT replaces the whole model: an absent optional field
 * takes its default, not the stored value.
 *
 * @param upstreamModel            defaults to the public name
 * @param maxOutputTokens          defaults to {@value #DEFAULT_MAX_OUTPUT_TOKENS}; at most the context window
 * @param enabled                  defaults to true
 * @param price                    optional; when absent the price history is left as it is
 * @param contextWindow            tokens, defaults to {@value #DEFAULT_CONTEXT_WINDOW}
 * @param supportsTools            defaults to false, like the other capability flags: nothing is claimed
 *                                 that was not declared
 * @param supportsStructuredOutput JSON mode / JSON schema {@code response_format}; defaults to false
 * @param supportsVision           image input; defaults to false
 * @param reasoningTier            defaults to {@value #DEFAULT_REASONING_TIER}
 * @param fallbacks                model or alias names to fail over to, in order; defaults to none
 * @param kind                     {@code chat} (default) or {@code embedding}
 */
@OutputFitsContextWindow
record ModelRequest(
        @NotBlank @Size(max = 63) String provider,
        @Pattern(regexp = "\\S{1,256}", message = "must be 1 to 256 characters without spaces") String upstreamModel,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}",
                message = "must be 1 to 64 letters, digits, '.', '_', ':' or '-'") String version,
        @Positive @Max(10_000_000) Integer maxOutputTokens,
        Boolean enabled,
        @Valid PriceRequest price,
        @Positive @Max(100_000_000) Integer contextWindow,
        Boolean supportsTools,
        Boolean supportsStructuredOutput,
        Boolean supportsVision,
        @Pattern(regexp = "none|low|medium|high", message = "must be one of none, low, medium, high")
        String reasoningTier,
        @Size(max = MAX_FALLBACKS) List<@NotBlank String> fallbacks,
        @Pattern(regexp = "chat|embedding", message = "must be chat or embedding") String kind) {

    static final int MAX_FALLBACKS = 10;

    static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;
    static final int DEFAULT_CONTEXT_WINDOW = 128_000;
    static final String DEFAULT_REASONING_TIER = "none";
    static final String DEFAULT_KIND = "chat";

    List<String> fallbacksOrNone() {
        return fallbacks == null ? List.of() : fallbacks;
    }

    int maxOutputTokensOrDefault() {
        return maxOutputTokens == null ? DEFAULT_MAX_OUTPUT_TOKENS : maxOutputTokens;
    }

    int contextWindowOrDefault() {
        return contextWindow == null ? DEFAULT_CONTEXT_WINDOW : contextWindow;
    }

    /** The same request with every omitted field but the price set to the default a PUT would store. */
    ModelRequest withDefaults(String name) {
        Capabilities declared = capabilities();
        return new ModelRequest(provider, upstreamModel == null ? name : upstreamModel, version,
                maxOutputTokensOrDefault(), enabled == null || enabled, price, declared.contextWindow(),
                declared.supportsTools(), declared.supportsStructuredOutput(), declared.supportsVision(),
                declared.reasoningTier(), fallbacksOrNone(), declared.kind());
    }

    ModelRequest withoutPrice() {
        return new ModelRequest(provider, upstreamModel, version, maxOutputTokens, enabled, null, contextWindow,
                supportsTools, supportsStructuredOutput, supportsVision, reasoningTier, fallbacks, kind);
    }

    /** The capabilities this request declares, defaults filled in. */
    Capabilities capabilities() {
        return new Capabilities(contextWindowOrDefault(), Boolean.TRUE.equals(supportsTools),
                Boolean.TRUE.equals(supportsStructuredOutput), Boolean.TRUE.equals(supportsVision),
                reasoningTier == null ? DEFAULT_REASONING_TIER : reasoningTier, kind == null ? DEFAULT_KIND : kind);
    }
}
