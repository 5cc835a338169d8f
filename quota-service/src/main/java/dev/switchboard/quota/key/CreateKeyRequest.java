package dev.switchboard.quota.key;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/teams/{teamId}/keys}; a null {@code requestsPerMinute} means unlimited. */
record CreateKeyRequest(@NotBlank @Size(max = 200) String name, @PositiveOrZero Integer requestsPerMinute) {
}
