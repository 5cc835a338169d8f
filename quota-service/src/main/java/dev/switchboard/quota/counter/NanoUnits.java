package dev.switchboard.quota.counter;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money in Redis: whole nano-units (10⁻⁹ of the currency) in a 64-bit integer, exact for every price with up to
 * three decimals per million tokens, and for amounts up to about 9 billion. Lua compares them as doubles, exactly
 * up to 2⁵³ nano-units (about 9 million); above that a comparison may be off by a few nano-units, never a total.
 */
public final class NanoUnits {

    private static final int SCALE = 9;

    private NanoUnits() {
    }

    /** Rounded up: a reservation or charge is never smaller than the amount it stands for. */
    public static long of(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.CEILING).unscaledValue().longValueExact();
    }

    /** Rounded down, for a limit: what fits under it never exceeds it. */
    public static long limitOf(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.FLOOR).unscaledValue().longValueExact();
    }

    public static BigDecimal toAmount(long nanos) {
        BigDecimal amount = BigDecimal.valueOf(nanos, SCALE).stripTrailingZeros();
        return amount.scale() < 0 ? amount.setScale(0) : amount;
    }
}
