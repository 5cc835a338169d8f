package dev.switchboard.quota.key;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/teams/{teamId}/keys}; a null {@code requestsPerMinute} means unlimited.
 *
 * @param key an existing key value to import (e.g. when migrating clients from another gateway without
 *            re-issuing their keys); null issues a new random key. Stored as a hash like any other key.
 */
record CreateKeyRequest(@NotBlank @Size(max = 200) String name, @PositiveOrZero Integer requestsPerMinute,
                        @Size(min = 20, max = 200, message = "an imported key must be 20 to 200 characters")
                        @Pattern(regexp = "[\\x21-\\x7E]+", message = "an imported key must be printable ASCII without spaces")
                        String key) {
}
