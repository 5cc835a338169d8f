package dev.switchboard.routing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.routing.ModelPrice;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LoadedSnapshotTests {

    private static final Instant LOADED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant DUE = LOADED.plusSeconds(60);

    @Test
    void staysCurrentUntilTheVersionChangesOrTheNextPriceFallsDue() {
        LoadedSnapshot loaded = loaded(7, LOADED, DUE);

        assertThat(loaded.isCurrent(7, DUE.minusMillis(1))).isTrue();
        assertThat(loaded.isCurrent(7, DUE)).isFalse();
        assertThat(loaded.isCurrent(8, LOADED)).isFalse();
        assertThat(loaded(7, LOADED, null).isCurrent(7, Instant.MAX)).isTrue();
    }

    @Test
    void aLaterLoadOfTheSameVersionIsNewerSoATimedReloadIsKept() {
        assertThat(loaded(7, DUE, null).isNewerThan(loaded(7, LOADED, DUE))).isTrue();
        assertThat(loaded(7, LOADED, DUE).isNewerThan(loaded(7, DUE, null))).isFalse();
        assertThat(loaded(8, LOADED, null).isNewerThan(loaded(7, DUE, null))).isTrue();
    }

    @Test
    void aPriceFromAnOlderRoutingServiceWithoutCurrencyReadsAsUsDollars() {
        ModelPrice price = JsonMapper.builder().build().readValue("""
                {"priceVersion":"price-1","inputPerMillion":1,"outputPerMillion":2}""", ModelPrice.class);

        assertThat(price.currency()).isEqualTo("USD");
    }

    private static LoadedSnapshot loaded(long version, Instant at, Instant nextPriceChange) {
        return new LoadedSnapshot(new RegistrySnapshot(version, Map.of(), Map.of(), Map.of(), List.of()), at,
                nextPriceChange);
    }
}
