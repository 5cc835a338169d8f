package dev.switchboard.quota.admission;

import dev.switchboard.quota.counter.NanoUnits;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The sentences refusals and warnings show clients: which limit or budget, never a key or its hash. */
final class AdmissionMessages {

    private AdmissionMessages() {
    }

    static String refused(AdmissionCheck check) {
        String whose = whose(check.scope()) + (check.model() == null ? "" : " on model '" + check.model() + "'");
        return switch (check.kind()) {
            case REQUESTS -> "Rate limit reached for " + whose + ": " + check.limit() + " requests per minute.";
            case TOKENS -> check.amount() > check.limit()
                    ? "This request may use " + check.amount() + " tokens, more than the " + check.limit()
                            + " tokens per minute allowed for " + whose + "; lower max_tokens."
                    : "Rate limit reached for " + whose + ": " + check.limit() + " tokens per minute.";
            case CONCURRENCY -> "Too many concurrent requests for " + whose + ": at most " + check.limit() + ".";
            case TOKEN_BUDGET, MONEY_BUDGET -> "Budget exceeded: " + budget(check) + " of "
                    + amount(check, check.limit()) + " has no room for this request until "
                    + check.period().end() + ".";
        };
    }

    static String warning(AdmissionCheck check, long after) {
        long percent = BigDecimal.valueOf(after).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(Math.max(1, check.limit())), 0, RoundingMode.DOWN).longValue();
        return budget(check) + " at " + percent + "% of " + amount(check, check.limit()) + " (soft threshold "
                + amount(check, AdmissionPlanner.softUnits(check.budget())) + ")";
    }

    private static String budget(AdmissionCheck check) {
        String period = switch (check.budget().period()) {
            case "day" -> "daily";
            case "week" -> "weekly";
            default -> "monthly";
        };
        return whose(check.scope()) + " " + period + " " + check.budget().kind() + " budget";
    }

    private static String amount(AdmissionCheck check, long units) {
        return check.kind() == CheckKind.MONEY_BUDGET
                ? NanoUnits.toAmount(units).toPlainString() + " " + check.budget().currency()
                : units + " tokens";
    }

    private static String whose(String scope) {
        if (scope.startsWith("team:")) {
            return "the team";
        }
        return scope.startsWith("key:") ? "this key" : "the gateway";
    }
}
