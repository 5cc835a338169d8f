package dev.switchboard.contracts.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ModelPriceTests {

    @Test
    void pricesTokensExactlyPerMillion() {
        ModelPrice price = new ModelPrice("price-1", new BigDecimal("0.15"), new BigDecimal("0.075"),
                new BigDecimal("0.60"));

        // 1,000 uncached input at 0.15, 200 cached at 0.075, 333 output at 0.60, per million
        BigDecimal cost = price.costOf(1_200, 200, 333);

        assertThat(cost.toPlainString()).isEqualTo("0.0003648");
        assertThat(cost).isEqualByComparingTo("0.0003648");
    }

    @Test
    void chargesCachedTokensAtTheInputPriceWhenNoCachedPriceIsSet() {
        ModelPrice price = new ModelPrice("price-2", new BigDecimal("3"), null, new BigDecimal("15"));

        assertThat(price.costOf(10, 10, 1)).isEqualByComparingTo("0.000045");
    }

    @Test
    void neverRoundsAwayFractionsOfACent() {
        ModelPrice price = new ModelPrice("price-3", new BigDecimal("0.1"), null, new BigDecimal("0.1"));

        assertThat(price.costOf(1, 0, 0)).isEqualByComparingTo("0.0000001");
    }

    @Test
    void pricesWithoutACurrencyAreUsDollars() {
        assertThat(new ModelPrice("price-4", BigDecimal.ONE, null, BigDecimal.ONE).currency()).isEqualTo("USD");
        assertThat(new ModelPrice("price-5", BigDecimal.ONE, null, BigDecimal.ONE, null).currency()).isEqualTo("USD");
        assertThat(new ModelPrice("price-6", BigDecimal.ONE, null, BigDecimal.ONE, "EUR").currency()).isEqualTo("EUR");
    }
}
