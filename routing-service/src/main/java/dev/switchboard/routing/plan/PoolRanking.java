package dev.switchboard.routing.plan;

import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.routing.latency.RecentLatency;
import dev.switchboard.routing.plan.RegistrySnapshot.ModelFacts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Orders a pool of models for the {@code cheapest} and {@code fastest} strategies. Capabilities are not checked
 * here: {@link CandidateSelection} rejects the incapable ones in this order, so the explanation shows a cheaper
 * model refused for what it lacks.
 *
 * <p>Price metric: input plus output US dollars per one million tokens, the price in force. It weighs both
 * directions equally, which favours neither chatty nor long-prompt traffic; models without a price come last.
 */
final class PoolRanking {

    /** A model in rank order and why it is there. */
    record Ranked(String model, String why) {
    }

    private static final Comparator<ModelFacts> BY_PRICE = Comparator
            .comparing((ModelFacts model) -> pricePerMillion(model.price()),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ModelFacts::name);

    private PoolRanking() {
    }

    static List<Ranked> cheapest(List<ModelFacts> pool) {
        return pool.stream().sorted(BY_PRICE)
                .map(model -> new Ranked(model.name(), "cheapest capable: " + priceText(model))).toList();
    }

    /**
     * Models with enough recent samples by p95 (price breaks ties), then the rest by price, each saying which.
     */
    static List<Ranked> fastest(List<ModelFacts> pool, Map<String, RecentLatency> latency, long minSamples) {
        List<ModelFacts> measured = new ArrayList<>();
        List<ModelFacts> unmeasured = new ArrayList<>();
        for (ModelFacts model : pool) {
            RecentLatency figures = latency.get(model.deploymentId());
            (figures != null && figures.enough() ? measured : unmeasured).add(model);
        }
        measured.sort(Comparator.comparingLong((ModelFacts model) -> latency.get(model.deploymentId()).p95Millis())
                .thenComparing(BY_PRICE));
        unmeasured.sort(BY_PRICE);
        List<Ranked> ranked = new ArrayList<>(pool.size());
        for (ModelFacts model : measured) {
            RecentLatency figures = latency.get(model.deploymentId());
            ranked.add(new Ranked(model.name(), "fastest capable: recent p95 " + figures.p95Millis() + " ms over "
                    + figures.samples() + " samples"));
        }
        for (ModelFacts model : unmeasured) {
            RecentLatency figures = latency.get(model.deploymentId());
            String data = figures == null ? "no recent latency data"
                    : "too few recent samples (" + figures.samples() + " < " + minSamples + ")";
            ranked.add(new Ranked(model.name(), data + ", ranked after measured models by price: "
                    + priceText(model)));
        }
        return ranked;
    }

    /** Input plus output per one million tokens, or null without a price. */
    static BigDecimal pricePerMillion(ModelPrice price) {
        return price == null ? null : price.inputPerMillion().add(price.outputPerMillion());
    }

    private static String priceText(ModelFacts model) {
        BigDecimal price = pricePerMillion(model.price());
        return price == null ? "no price, ranked last"
                : "$" + price.stripTrailingZeros().toPlainString() + " per 1M tokens (input + output)";
    }
}
