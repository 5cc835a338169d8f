package dev.switchboard.routing.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/v1/models/{name}}.
 *
 * @param upstreamModel   defaults to the public name
 * @param maxOutputTokens defaults to {@value #DEFAULT_MAX_OUTPUT_TOKENS}
 * @param enabled         defaults to true
 * @param price           optional; when absent the price history is left as it is
 */
record ModelRequest(
        @NotBlank @Size(max = 63) String provider,
        @Pattern(regexp = "\\S{1,256}", message = "must be 1 to 256 characters without spaces") String upstreamModel,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}",
                message = "must be 1 to 64 letters, digits, '.', '_', ':' or '-'") String version,
        @Positive @Max(10_000_000) Integer maxOutputTokens,
        Boolean enabled,
        @Valid PriceRequest price) {

    static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;
}
