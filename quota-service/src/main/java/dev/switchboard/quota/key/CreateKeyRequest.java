package dev.switchboard.quota.key;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/teams/{teamId}/keys}; a null {@code requestsPerMinute} means unlimited.
 *
 * @param key           an existing key value to import (e.g. when migrating clients from another gateway without
 *                      re-issuing their keys); null issues a new random key. Stored as a hash like any other key.
 * @param expiresAt     when the key stops authenticating; at most one of this and {@code expiresInDays}
 * @param allowedModels models or aliases the key may call; absent or empty means all
 * @param metadata      labels such as owner and purpose
 * @param scopes        what the key may do beyond calling models; only {@code keys:write} so far; absent means none
 */
record CreateKeyRequest(@NotBlank @Size(max = 200) String name, @PositiveOrZero Integer requestsPerMinute,
                        @Size(min = 20, max = 200, message = "an imported key must be 20 to 200 characters")
                        @Pattern(regexp = "[\\x21-\\x7E]+", message = "an imported key must be printable ASCII without spaces")
                        String key,
                        Instant expiresAt,
                        @Positive @Max(3650) Integer expiresInDays,
                        @Size(max = 100) List<@NotBlank @Size(max = 200) String> allowedModels,
                        @Size(max = 20, message = "at most 20 entries")
                        Map<@NotBlank @Size(max = 64) String, @Size(max = 256) String> metadata,
                        @Size(max = 10) List<@NotBlank String> scopes) {
}
