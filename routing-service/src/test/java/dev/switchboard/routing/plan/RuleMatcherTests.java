package dev.switchboard.routing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.routing.RoutePlanRequest;
import dev.switchboard.routing.rule.RouteDefinition.Match;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleMatcherTests {

    private final RoutePlanRequest request = new RoutePlanRequest("billing", "fast", "summarize",
            Map.of("env", "prod", "trace", "t-1"), null);

    @Test
    void absentAndStarFieldsMatchAnything() {
        assertThat(RuleMatcher.matches(new Match(null, null, null, null), request)).isTrue();
        assertThat(RuleMatcher.matches(new Match("*", "*", "*", Map.of()), request)).isTrue();
        assertThat(RuleMatcher.matches(new Match("*", "*", "*", Map.of()), new RoutePlanRequest(null, "m"))).isTrue();
    }

    @Test
    void eachGivenFieldMustBeEqual() {
        assertThat(RuleMatcher.matches(new Match("billing", "fast", "summarize", null), request)).isTrue();
        assertThat(RuleMatcher.matches(new Match("search", null, null, null), request)).isFalse();
        assertThat(RuleMatcher.matches(new Match(null, "smart", null, null), request)).isFalse();
        assertThat(RuleMatcher.matches(new Match(null, null, "translate", null), request)).isFalse();
        assertThat(RuleMatcher.matches(new Match(null, null, "summarize", null), new RoutePlanRequest("t", "m")))
                .isFalse();
    }

    @Test
    void everyTagMustBePresentWithItsValue() {
        assertThat(RuleMatcher.matches(new Match(null, null, null, Map.of("env", "prod")), request)).isTrue();
        assertThat(RuleMatcher.matches(new Match(null, null, null, Map.of("env", "dev")), request)).isFalse();
        assertThat(RuleMatcher.matches(new Match(null, null, null, Map.of("env", "prod", "tier", "gold")), request))
                .isFalse();
    }
}
