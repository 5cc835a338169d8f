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
        assertThat(RuleMatcher.matches(new Match(null, null, null, null, null), request)).isTrue();
        assertThat(RuleMatcher.matches(new Match("*", "*", "*", Map.of(), null), request)).isTrue();
        assertThat(RuleMatcher.matches(new Match("*", "*", "*", Map.of(), null), new RoutePlanRequest(null, "m"))).isTrue();
    }

    @Test
    void eachGivenFieldMustBeEqual() {
        assertThat(RuleMatcher.matches(new Match("billing", "fast", "summarize", null, null), request)).isTrue();
        assertThat(RuleMatcher.matches(new Match("search", null, null, null, null), request)).isFalse();
        assertThat(RuleMatcher.matches(new Match(null, "smart", null, null, null), request)).isFalse();
        assertThat(RuleMatcher.matches(new Match(null, null, "translate", null, null), request)).isFalse();
        assertThat(RuleMatcher.matches(new Match(null, null, "summarize", null, null), new RoutePlanRequest("t", "m")))
                .isFalse();
    }

    @Test
    void everyTagMustBePresentWithItsValue() {
        assertThat(RuleMatcher.matches(new Match(null, null, null, Map.of("env", "prod"), null), request)).isTrue();
        assertThat(RuleMatcher.matches(new Match(null, null, null, Map.of("env", "dev"), null), request)).isFalse();
        assertThat(RuleMatcher.matches(new Match(null, null, null, Map.of("env", "prod", "tier", "gold"), null), request))
                .isFalse();
    }

    @Test
    void ruleWithoutOperationAppliesToChatOnlyAndAnEmbeddingRuleToEmbeddingsOnly() {
        RoutePlanRequest embedding = RoutePlanRequest.embedding("billing", "text-embedding-3-small");

        assertThat(RuleMatcher.matches(new Match("billing", null, null, null, null), embedding)).isFalse();
        assertThat(RuleMatcher.matches(new Match("*", "*", "*", null, null), embedding)).isFalse();
        assertThat(RuleMatcher.matches(new Match("billing", null, null, null, "embedding"), embedding)).isTrue();
        assertThat(RuleMatcher.matches(new Match("billing", null, null, null, "embedding"), request)).isFalse();
        assertThat(RuleMatcher.matches(new Match("billing", null, null, null, "chat"), request)).isTrue();
    }
}
