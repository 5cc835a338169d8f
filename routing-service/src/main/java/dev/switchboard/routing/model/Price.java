package dev.switchboard.routing.model;

import java.math.BigDecimal;
import java.time.Instant;

/** A price row as the admin API shows it; {@code priceVersion} is what bills refer to. */
record Price(String priceVersion, BigDecimal inputPerMillion, BigDecimal cachedInputPerMillion,
             BigDecimal outputPerMillion, String currency, Instant effectiveFrom) {
}
