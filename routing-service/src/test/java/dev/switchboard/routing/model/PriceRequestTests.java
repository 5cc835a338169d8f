package dev.switchboard.routing.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PriceRequestTests {

    private static final Price IN_FORCE = price("0.15", "0.075", "0.60");

    @Test
    void sameAmountsAtAnotherScaleAreTheSamePrice() {
        assertThat(request("0.150", "0.0750", "0.6").sameAs(IN_FORCE)).isTrue();
    }

    @Test
    void anyDifferentAmountIsANewPrice() {
        assertThat(request("0.16", "0.075", "0.60").sameAs(IN_FORCE)).isFalse();
        assertThat(request("0.15", "0.08", "0.60").sameAs(IN_FORCE)).isFalse();
        assertThat(request("0.15", "0.075", "0.61").sameAs(IN_FORCE)).isFalse();
    }

    @Test
    void addingOrDroppingTheCachedPriceIsANewPrice() {
        assertThat(request("0.15", null, "0.60").sameAs(IN_FORCE)).isFalse();
        assertThat(request("0.15", "0.075", "0.60").sameAs(price("0.15", null, "0.60"))).isFalse();
        assertThat(request("0.15", null, "0.60").sameAs(price("0.15", null, "0.60"))).isTrue();
    }

    @Test
    void anotherCurrencyIsANewPriceAndNoCurrencyMeansUsDollars() {
        PriceRequest euros = new PriceRequest(new BigDecimal("0.15"), new BigDecimal("0.075"), new BigDecimal("0.60"),
                "EUR", null);

        assertThat(euros.sameAs(IN_FORCE)).isFalse();
        assertThat(request("0.15", "0.075", "0.60").currencyOrDefault()).isEqualTo("USD");
    }

    @Test
    void noPriceInForceIsNeverTheSame() {
        assertThat(request("0.15", "0.075", "0.60").sameAs(null)).isFalse();
    }

    private static PriceRequest request(String input, String cached, String output) {
        return new PriceRequest(new BigDecimal(input), cached == null ? null : new BigDecimal(cached),
                new BigDecimal(output), null, null);
    }

    private static Price price(String input, String cached, String output) {
        return new Price("price-1", new BigDecimal(input), cached == null ? null : new BigDecimal(cached),
                new BigDecimal(output), "USD", Instant.EPOCH);
    }
}
