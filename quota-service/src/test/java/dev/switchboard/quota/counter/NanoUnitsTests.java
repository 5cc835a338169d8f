package dev.switchboard.quota.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NanoUnitsTests {

    @Test
    void keepsMoneyInWholeNanoUnitsRoundingChargesUpAndLimitsDown() {
        assertThat(NanoUnits.of(new BigDecimal("0.0001875"))).isEqualTo(187_500);
        assertThat(NanoUnits.of(new BigDecimal("0.0000000001"))).isEqualTo(1);
        assertThat(NanoUnits.limitOf(new BigDecimal("0.0000000019"))).isEqualTo(1);
        assertThat(NanoUnits.toAmount(187_500)).isEqualByComparingTo("0.0001875");
        assertThat(NanoUnits.toAmount(5_000_000_000L).toPlainString()).isEqualTo("5");
    }
}
