package dev.switchboard.edge.provider;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads how long a provider asks callers to wait: {@code retry-after-ms}, else {@code retry-after}. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** Whole seconds to wait (rounded up), or 0 when the provider said nothing usable. */
    public static long seconds(HttpHeaders headers) {
        if (headers == null) {
            return 0;
        }
        String millis = headers.get("retry-after-ms");
        if (millis != null) {
            try {
                return Math.max(0, (long) Math.ceil(Double.parseDouble(millis.trim()) / 1000));
            } catch (NumberFormatException ignored) {
                // fall through to retry-after
            }
        }
        return seconds(headers.get("retry-after"));
    }

    /** Seconds in a {@code Retry-After} value: delta-seconds or an HTTP date; 0 when absent or unreadable. */
    public static long seconds(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        String trimmed = value.trim();
        try {
            return Math.max(0, Long.parseLong(trimmed));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                long seconds = (long) Math.ceil(Duration.between(Instant.now(), at).toMillis() / 1000.0);
                return Math.max(0, seconds);
            } catch (DateTimeParseException notDate) {
                return 0;
            }
        }
    }
}
