package dev.switchboard.routing.model;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * US dollars per one million tokens. JSON numbers and decimal strings are both read exactly into
 * {@link BigDecimal}, never through a double.
 *
 * @param cachedInputPerMillion optional; without it cached input is billed as plain input
 */
record PriceRequest(
        @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 12) BigDecimal inputPerMillion,
        @DecimalMin("0") @Digits(integer = 9, fraction = 12) BigDecimal cachedInputPerMillion,
        @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 12) BigDecimal outputPerMillion) {

    /** Same amounts as the price in force, ignoring scale ({@code 0.60} equals {@code 0.6}); null is no price. */
    boolean sameAs(Price inForce) {
        return inForce != null
                && inputPerMillion.compareTo(inForce.inputPerMillion()) == 0
                && outputPerMillion.compareTo(inForce.outputPerMillion()) == 0
                && (cachedInputPerMillion == null
                        ? inForce.cachedInputPerMillion() == null
                        : inForce.cachedInputPerMillion() != null
                                && cachedInputPerMillion.compareTo(inForce.cachedInputPerMillion()) == 0);
    }
}
