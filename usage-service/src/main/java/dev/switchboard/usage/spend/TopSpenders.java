package dev.switchboard.usage.spend;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The biggest spenders in one currency, dearest first (ties by key). */
record TopSpenders(String by, Instant from, Instant to, String currency, List<Spender> spenders) {

    /**
     * @param key      the team, key or model; null for requests without one
     * @param requests every request of the group, whatever currency it was billed in
     */
    record Spender(String key, BigDecimal cost, BigDecimal savedCost, long requests) {
    }
}
