package dev.switchboard.usage.spend;

import dev.switchboard.serviceweb.ServiceException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar period containing an instant, [start, end), aligned in a time zone exactly as quota-service aligns
 * budget periods: a day from midnight, a week from Monday midnight, a month from the 1st. Daylight-saving days are
 * 23 or 25 hours long.
 */
record SpendPeriod(Instant start, Instant end) {

    static SpendPeriod containing(String period, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = switch (period) {
            case "day" -> today;
            case "week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> today.withDayOfMonth(1);
            default -> throw ServiceException.invalid("query parameter 'period' must be day, week or month");
        };
        LocalDate next = switch (period) {
            case "day" -> first.plusDays(1);
            case "week" -> first.plusWeeks(1);
            default -> first.plusMonths(1);
        };
        return new SpendPeriod(first.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant());
    }
}
