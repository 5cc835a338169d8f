package dev.switchboard.routing.model;

import dev.switchboard.contracts.routing.ModelPrice;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Amounts per one million tokens. JSON numbers and decimal strings are both read exactly into
 * {@link BigDecimal}, never through a double.
 *
 * @param cachedInputPerMillion optional; without it cached input is billed as plain input
 * @param currency              ISO 4217, defaults to {@code USD}
 * @param effectiveFrom         optional; absent means now, a future instant schedules the price
 */
record PriceRequest(
        @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 12) BigDecimal inputPerMillion,
        @DecimalMin("0") @Digits(integer = 9, fraction = 12) BigDecimal cachedInputPerMillion,
        @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 12) BigDecimal outputPerMillion,
        @CurrencyCode String currency,
        Instant effectiveFrom) {

    String currencyOrDefault() {
        return currency == null ? ModelPrice.DEFAULT_CURRENCY : currency;
    }

    /**
     * Same amounts and currency as a stored price, ignoring scale ({@code 0.60} equals {@code 0.6}); null is no
     * price. The effective date is not compared: the caller picks the stored row that would be in force then.
     */
    boolean sameAs(Price stored) {
        return stored != null
                && currencyOrDefault().equals(stored.currency())
                && inputPerMillion.compareTo(stored.inputPerMillion()) == 0
                && outputPerMillion.compareTo(stored.outputPerMillion()) == 0
                && (cachedInputPerMillion == null
                        ? stored.cachedInputPerMillion() == null
                        : stored.cachedInputPerMillion() != null
                                && cachedInputPerMillion.compareTo(stored.cachedInputPerMillion()) == 0);
    }
}
