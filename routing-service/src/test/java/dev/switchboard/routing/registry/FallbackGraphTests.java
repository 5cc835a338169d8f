package dev.switchboard.routing.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FallbackGraphTests {

    private final FallbackGraph graph = new FallbackGraph(
            Map.of("a", List.of("b"), "b", List.of("to-c"), "c", List.of(), "d", List.of("a", "c")),
            Map.of("to-c", "c"));

    @Test
    void findsThePathThroughAliases() {
        assertThat(graph.path("a", "c")).contains(List.of("a", "b", "c"));
        assertThat(graph.path("c", "a")).isEmpty();
    }

    @Test
    void anAcyclicGraphHasNoCycle() {
        assertThat(graph.anyCycle()).isEmpty();
    }

    @Test
    void seesTheCycleAChangeWouldClose() {
        assertThat(graph.withFallbacks("c", List.of("d")).anyCycle()).isPresent();
        assertThat(graph.withAlias("to-c", "a").anyCycle()).contains(List.of("a", "b", "a"));
    }

    @Test
    void resolvesAliasesAndKnowsModels() {
        assertThat(graph.resolve("to-c")).isEqualTo("c");
        assertThat(graph.resolve("a")).isEqualTo("a");
        assertThat(graph.isModel("d")).isTrue();
        assertThat(graph.isAlias("d")).isFalse();
        assertThat(graph.isAlias("to-c")).isTrue();
    }
}
