package dev.switchboard.contracts.quota;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * One calendar period of a budget, [start, end), aligned in the budget's time zone: a day from midnight, a week
 * from Monday midnight, a month from the first at midnight. Daylight-saving days are 23 or 25 hours long. Shared
 * because quota-service counts budgets in these periods and usage-service forecasts spend over the same ones.
 */
public record BudgetPeriod(Instant start, Instant end) {

    /** @throws IllegalArgumentException for a period other than {@code day}, {@code week} or {@code month} */
    public static BudgetPeriod containing(String period, String timeZone, Instant now) {
        return containing(period, ZoneId.of(timeZone), now);
    }

    /** @throws IllegalArgumentException for a period other than {@code day}, {@code week} or {@code month} */
    public static BudgetPeriod containing(String period, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = switch (period) {
            case "day" -> today;
            case "week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> today.withDayOfMonth(1);
            default -> throw new IllegalArgumentException("unknown budget period '" + period + "'");
        };
        LocalDate next = switch (period) {
            case "day" -> first.plusDays(1);
            case "week" -> first.plusWeeks(1);
            default -> first.plusMonths(1);
        };
        return new BudgetPeriod(first.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant());
    }

    /** Whole seconds until the period ends, at least 1, for Retry-After. */
    public long secondsUntilEnd(Instant now) {
        return Math.max(1, (Duration.between(now, end).toMillis() + 999) / 1000);
    }

    /** When the period's counter may go: a day after the period, so late settlements still find it. */
    public Instant counterExpiry() {
        return end.plus(Duration.ofDays(1));
    }

    public ZonedDateTime startIn(ZoneId zone) {
        return start.atZone(zone);
    }
}
