package dev.switchboard.contracts.routing;

import java.math.BigDecimal;

/**
 * Prices of one model version in US dollars per one million tokens. {@code priceVersion} identifies the
 * price row used, so every bill can be traced back to it.
 */
public record ModelPrice(String priceVersion, BigDecimal inputPerMillion, BigDecimal cachedInputPerMillion,
                         BigDecimal outputPerMillion) {

    /** Exact cost of the given token counts; cached input tokens are a subset of {@code inputTokens}. */
    public BigDecimal costOf(long inputTokens, long cachedInputTokens, long outputTokens) {
        BigDecimal cachedPrice = cachedInputPerMillion == null ? inputPerMillion : cachedInputPerMillion;
        BigDecimal micros = inputPerMillion.multiply(BigDecimal.valueOf(inputTokens - cachedInputTokens))
                .add(cachedPrice.multiply(BigDecimal.valueOf(cachedInputTokens)))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)));
        // per million: moving the decimal point is exact and, unlike a division, costs nothing on the hot path
        return micros.movePointLeft(6).stripTrailingZeros();
    }
}
