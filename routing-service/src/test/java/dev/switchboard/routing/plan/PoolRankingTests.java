package dev.switchboard.routing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.routing.ModelCapabilities;
import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.routing.latency.RecentLatency;
import dev.switchboard.routing.plan.PoolRanking.Ranked;
import dev.switchboard.routing.plan.RegistrySnapshot.ModelFacts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolRankingTests {

    private final ModelFacts cheap = model("cheap", "0.10", "0.30");
    private final ModelFacts dear = model("dear", "3", "15");
    private final ModelFacts unpriced = model("unpriced", null, null);
    // 0.39 + 0.01 is the same 0.40 per 1M as cheap's 0.10 + 0.30: the name breaks the tie
    private final ModelFacts skewed = model("a-skewed", "0.39", "0.01");

    @Test
    void cheapestOrdersByInputPlusOutputPriceThenNameWithUnpricedLast() {
        assertThat(PoolRanking.cheapest(List.of(unpriced, dear, cheap, skewed))).extracting(Ranked::model)
                .containsExactly("a-skewed", "cheap", "dear", "unpriced");
        assertThat(PoolRanking.cheapest(List.of(cheap)).get(0).why())
                .isEqualTo("cheapest capable: $0.4 per 1M tokens (input + output)");
    }

    @Test
    void fastestPutsMeasuredModelsFirstByP95AndTheRestByPrice() {
        Map<String, RecentLatency> latency = Map.of(
                "p/dear", new RecentLatency(120, 400, true),
                "p/unpriced", new RecentLatency(300, 50, true),
                "p/cheap", new RecentLatency(10, 3, false));

        List<Ranked> ranked = PoolRanking.fastest(List.of(cheap, dear, unpriced, skewed), latency, 20);

        assertThat(ranked).extracting(Ranked::model).containsExactly("dear", "unpriced", "a-skewed", "cheap");
        assertThat(ranked.get(3).why()).startsWith("too few recent samples (3 < 20)");
        assertThat(ranked.get(2).why()).startsWith("no recent latency data");
    }

    private static ModelFacts model(String name, String input, String output) {
        ModelPrice price = input == null ? null
                : new ModelPrice("price-1", new BigDecimal(input), null, new BigDecimal(output));
        return new ModelFacts(name, "p", name, "1", true, ModelCapabilities.UNKNOWN, price, List.of(), "chat");
    }
}
