package dev.switchboard.contracts.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.routing.RouteExplanation.Consideration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteResolutionTests {

    private static RouteCandidate candidate(String model, long window, int maxOutput) {
        return new RouteCandidate("p-" + model, "openai", "http://127.0.0.1:1/v1", null, model, model, "v1", null,
                new ModelCapabilities(window, maxOutput, true, true, false, "none"), null);
    }

    private static RoutePlan plan(List<RouteCandidate> candidates, RouteSplit split, List<Consideration> considered) {
        return new RoutePlan("rule:r", "fast", candidates, 3, "r", split, null,
                new RouteExplanation("r", split == null ? "cheapest" : "split", null, considered));
    }

    @Test
    void keepsOrderAndMarksFirstSelectedRestFallback() {
        RoutePlan plan = plan(List.of(candidate("a", 8000, 1000), candidate("b", 8000, 1000)), null, List.of(
                new Consideration("a", "p-a", "selected", "cheapest capable"),
                new Consideration("c", "p-c", "rejected", "lacks tools")));

        RouteResolution.Resolved resolved = RouteResolution.resolve(plan, "u", 100, 100);

        assertThat(resolved.candidates()).extracting(RouteCandidate::model).containsExactly("a", "b");
        assertThat(resolved.explanation().considered()).extracting(Consideration::model, Consideration::verdict,
                Consideration::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "selected", "cheapest capable"),
                org.assertj.core.groups.Tuple.tuple("b", "fallback", null),
                org.assertj.core.groups.Tuple.tuple("c", "rejected", "lacks tools"));
    }

    @Test
    void dropsCandidatesWhoseContextWindowOrOutputLimitTheRequestExceeds() {
        RoutePlan plan = plan(List.of(candidate("small", 8192, 4096), candidate("short", 200000, 1000),
                candidate("big", 200000, 8192)), null, List.of());

        RouteResolution.Resolved resolved = RouteResolution.resolve(plan, "u", 10000, 2000);

        assertThat(resolved.candidates()).extracting(RouteCandidate::model).containsExactly("big");
        assertThat(resolved.explanation().considered()).extracting(Consideration::reason).containsExactly(
                "context window 8192 < 12000 tokens needed", "max output 1000 < 2000 tokens requested", null);
        assertThat(resolved.explanation().considered().get(2).verdict()).isEqualTo("selected");
    }

    @Test
    void nothingFitsWhenTheRequestExceedsEveryWindow() {
        RoutePlan plan = plan(List.of(candidate("small", 8192, 4096)), null, List.of());

        assertThat(RouteResolution.resolve(plan, "u", 9000, 0).nothingFits()).isTrue();
        assertThat(RouteResolution.resolve(plan, "u", 8192, 0).nothingFits()).isFalse();
    }

    @Test
    void splitIsStickyPerKeyAndFollowsTheWeights() {
        RouteSplit split = new RouteSplit("user", List.of(
                new RouteSplit.Arm("a", 90, List.of(candidate("a", 8000, 1000))),
                new RouteSplit.Arm("b", 10, List.of(candidate("b", 8000, 1000)))));
        RoutePlan plan = plan(List.of(), split, List.of());
        Map<String, Integer> counts = new HashMap<>();
        for (int user = 0; user < 10_000; user++) {
            String key = "user-" + user;
            String arm = RouteResolution.resolve(plan, key, 0, 0).explanation().arm();
            assertThat(RouteResolution.resolve(plan, key, 0, 0).explanation().arm()).isEqualTo(arm);
            counts.merge(arm, 1, Integer::sum);
        }
        assertThat(counts.get("a")).isBetween(8_800, 9_200);
        assertThat(counts.get("b")).isBetween(800, 1_200);

        RouteResolution.Resolved one = RouteResolution.resolve(plan, "user-1", 0, 0);
        String other = one.explanation().arm().equals("a") ? "b" : "a";
        assertThat(one.candidates()).extracting(RouteCandidate::model).containsExactly(one.explanation().arm());
        assertThat(one.explanation().considered()).anySatisfy(c -> {
            assertThat(c.model()).isEqualTo(other);
            assertThat(c.reason()).isEqualTo("split arm " + other + " not chosen");
        });
    }

    @Test
    void candidatesWithoutFactsFitAnyRequest() {
        RouteCandidate legacy = new RouteCandidate("p", "openai", "http://h/v1", null, "m", "m", "v", null);
        RoutePlan plan = new RoutePlan("model:m", "m", List.of(legacy), 1, "explicit model");

        assertThat(RouteResolution.resolve(plan, null, 1_000_000, 50_000).candidates()).containsExactly(legacy);
    }
}
