package dev.switchboard.routing.provider;

import dev.switchboard.contracts.routing.ProviderTimeouts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/**
 * A provider's own timeouts in milliseconds, each optional. The upper bounds catch unit mistakes (seconds typed
 * as minutes) while leaving room for slow local servers; the same bounds are checks in the table.
 */
record TimeoutsRequest(
        @Positive @Max(60_000) Long connectMillis,
        @Positive @Max(600_000) Long firstTokenMillis,
        @Positive @Max(600_000) Long idleMillis,
        @Positive @Max(3_600_000) Long totalMillis) {

    /** The request that stores {@code timeouts}; null for the edge's defaults, as an omitted field would be. */
    static TimeoutsRequest fromTimeouts(ProviderTimeouts timeouts) {
        return timeouts == null || timeouts.equals(ProviderTimeouts.DEFAULTS) ? null
                : new TimeoutsRequest(timeouts.connectMillis(), timeouts.firstTokenMillis(), timeouts.idleMillis(),
                        timeouts.totalMillis());
    }

    static ProviderTimeouts toTimeouts(TimeoutsRequest request) {
        return request == null ? ProviderTimeouts.DEFAULTS
                : new ProviderTimeouts(request.connectMillis, request.firstTokenMillis, request.idleMillis,
                        request.totalMillis);
    }
}
