package dev.switchboard.usage.spend;

import dev.switchboard.serviceweb.ServiceException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Checks of the spend API's query parameters. They arrive as plain strings, as in the ledger's other controllers,
 * so that every mistake gets a 400 naming the parameter rather than Spring's generic message.
 */
final class SpendParameters {

    static final int MAX_BUCKETS = 10_000;

    private SpendParameters() {
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ServiceException.invalid("query parameter '" + name + "' is required");
        }
        return optionalInstant(name, value);
    }

    static Instant optionalInstant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ServiceException.invalid("query parameter '" + name + "' must be an ISO-8601 instant such as "
                    + "2025-06-01T00:00:00Z");
        }
    }

    static void requireOrdered(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ServiceException.invalid("query parameter 'from' must be before 'to'");
        }
    }

    /** Null when absent; a present but blank filter is a mistake, not "every team". */
    static String optionalId(String name, String value) {
        if (value != null && value.isBlank()) {
            throw ServiceException.invalid("query parameter '" + name + "' must not be blank");
        }
        return value;
    }

    static String requiredId(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ServiceException.invalid("query parameter '" + name + "' is required");
        }
        return value;
    }

    static int limit(String value, int defaultLimit, int max) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, as an out-of-range number is
        }
        throw ServiceException.invalid("query parameter 'limit' must be a whole number from 1 to " + max);
    }

    /** The aggregation the parameters ask for; a series of more than {@value #MAX_BUCKETS} buckets is refused. */
    static SpendQuery query(String from, String to, String groupBy, String interval, String team) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        requireOrdered(start, end);
        SpendInterval width = SpendInterval.parse(interval);
        if (width != null && width.mostBucketsIn(Duration.between(start, end)) > MAX_BUCKETS) {
            throw ServiceException.invalid("the range holds more than " + MAX_BUCKETS + " " + width.sqlField()
                    + "s: choose a wider interval or a shorter range");
        }
        return new SpendQuery(start, end, SpendGrouping.parse(groupBy, "groupBy", true), width,
                optionalId("team", team));
    }
}
