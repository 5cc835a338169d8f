package dev.switchboard.quota.key;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Body of {@code POST /api/v1/keys/{keyId}/rotate}.
 *
 * @param overlapSeconds how long the old key keeps working so clients can switch; 0 ends it at once
 * @param expiresInDays  optional expiry of the new key; absent means it never expires
 */
record RotateKeyRequest(@NotNull @PositiveOrZero @Max(30 * 24 * 3600) Long overlapSeconds,
                        @Positive @Max(3650) Integer expiresInDays) {
}
