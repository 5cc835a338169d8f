package dev.switchboard.contracts.routing;

import java.math.BigDecimal;

/**
 * Prices of one model version per one million tokens, in {@code currency} (ISO 4217, e.g. {@code USD}).
 * {@code priceVersion} identifies the price row used, so every bill can be traced back to it, currency included.
 */
public record ModelPrice(String priceVersion, BigDecimal inputPerMillion, BigDecimal cachedInputPerMillion,
                         BigDecimal outputPerMillion, String currency) {

    public static final String DEFAULT_CURRENCY = "USD";

    /** Null is US dollars: every price was in dollars before prices named a currency, and old JSON omits it. */
    public ModelPrice {
        currency = currency == null ? DEFAULT_CURRENCY : currency;
    }

    /** A price in US dollars, as every price was before prices named a currency. */
    public ModelPrice(String priceVersion, BigDecimal inputPerMillion, BigDecimal cachedInputPerMillion,
                      BigDecimal outputPerMillion) {
        this(priceVersion, inputPerMillion, cachedInputPerMillion, outputPerMillion, DEFAULT_CURRENCY);
    }

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
