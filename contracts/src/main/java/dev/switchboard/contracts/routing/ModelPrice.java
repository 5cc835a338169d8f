package dev.switchboard.contracts.routing;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Prices of one model version in US dollars per one million tokens. {@code priceVersion} identifies the
 * price row used, so every bill can be traced back to it.
 */
public record ModelPrice(String priceVersion, BigDecimal inputPerMillion, BigDecimal cachedInputPerMillion,
                         BigDecimal outputPerMillion) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** Exact cost of the given token counts; cached input tokens are a subset of {@code inputTokens}. */
    public BigDecimal costOf(long inputTokens, long cachedInputTokens, long outputTokens) {
        BigDecimal cachedPrice = cachedInputPerMillion == null ? inputPerMillion : cachedInputPerMillion;
        BigDecimal micros = inputPerMillion.multiply(BigDecimal.valueOf(inputTokens - cachedInputTokens))
                .add(cachedPrice.multiply(BigDecimal.valueOf(cachedInputTokens)))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)));
        // division by 10^6 is exact in decimal; UNLIMITED precision never rounds
        return micros.divide(MILLION, MathContext.UNLIMITED).stripTrailingZeros();
    }
}
