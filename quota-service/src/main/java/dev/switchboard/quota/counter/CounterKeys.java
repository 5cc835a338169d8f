package dev.switchboard.quota.counter;

import java.time.Instant;

/** The one spelling of every quota key in Redis. Ids are validated before they get here (no braces, no spaces). */
public final class CounterKeys {

    private static final String PREFIX = "q:{q}:";

    /** Present once the budget counters hold the ledger's totals; its value is when they were rebuilt (epoch ms). */
    public static final String REBUILT = PREFIX + "rebuilt";
    /** Reservation ids scored by lease expiry (epoch ms): what the reaper walks. */
    public static final String LEASES = PREFIX + "leases";

    private CounterKeys() {
    }

    public static String reservation(String reservationId) {
        return PREFIX + "res:" + reservationId;
    }

    public static String settled(String requestId) {
        return PREFIX + "settled:" + requestId;
    }

    /** Requests in the fixed window starting at {@code windowStart}, for one scope and (null = all) model. */
    public static String requestWindow(String scope, String model, long windowStartEpochSecond) {
        return PREFIX + "rpm:" + scoped(scope, model) + ":" + windowStartEpochSecond;
    }

    public static String tokenWindow(String scope, String model, long windowStartEpochSecond) {
        return PREFIX + "tpm:" + scoped(scope, model) + ":" + windowStartEpochSecond;
    }

    public static String concurrency(String scope, String model) {
        return PREFIX + "conc:" + scoped(scope, model);
    }

    /** A budget's hash {used, held} for the period starting at {@code periodStart}. */
    public static String budget(String scope, String kind, String period, Instant periodStart) {
        return PREFIX + "budget:" + scope + ":" + kind + ":" + period + ":" + periodStart.getEpochSecond();
    }

    /** Set once the budget counter's soft-threshold alert went out for its period. */
    public static String alerted(String budgetKey) {
        return budgetKey + ":alerted";
    }

    private static String scoped(String scope, String model) {
        // '|' cannot occur in a scope, so a model named like a scope suffix cannot collide
        return model == null ? scope : scope + "|" + model;
    }
}
