package dev.switchboard.usage.spend;

import dev.switchboard.serviceweb.ServiceException;
import java.time.Duration;
import java.util.Locale;

/** The width of one time-series bucket; buckets are calendar-aligned in UTC, weeks from Monday (ISO). */
enum SpendInterval {

    HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1)), WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(28));

    /** The shortest length of one bucket, to bound how many buckets a range can ask for. */
    private final Duration shortest;

    SpendInterval(Duration shortest) {
        this.shortest = shortest;
    }

    /** The {@code date_trunc} field; one of four constants, so it may be written into SQL. */
    String sqlField() {
        return name().toLowerCase(Locale.ROOT);
    }

    long mostBucketsIn(Duration range) {
        return range.toMillis() / shortest.toMillis() + 2;
    }

    /** The interval named by {@code text}; null for none (totals only). */
    static SpendInterval parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (SpendInterval interval : values()) {
            if (interval.sqlField().equals(text)) {
                return interval;
            }
        }
        throw ServiceException.invalid("query parameter 'interval' must be hour, day, week or month");
    }
}
