package dev.switchboard.mockprovider.fault;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaultRulesTests {

    private final FaultRules rules = new FaultRules();

    @Test
    void ruleWithTimesIsConsumedThenDropped() {
        rules.set("gpt-4o", "status=503;times=2");

        assertThat(rules.take("gpt-4o")).hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(503));
        assertThat(rules.take("gpt-4o")).isPresent();
        assertThat(rules.take("gpt-4o")).isEmpty();
        assertThat(rules.rules()).isEmpty();
    }

    @Test
    void ruleWithoutTimesStays() {
        rules.set("gpt-4o", "latency-ms=5");

        for (int i = 0; i < 5; i++) {
            assertThat(rules.take("gpt-4o")).isPresent();
        }
    }

    @Test
    void ruleAppliesOnlyToItsModel() {
        rules.set("gpt-4o", "status=500");

        assertThat(rules.take("gpt-4o-mini")).isEmpty();
        assertThat(rules.take(null)).isEmpty();
    }

    @Test
    void clearRemovesOneOrAll() {
        rules.set("a", "status=500");
        rules.set("b", "status=500");

        rules.clear("a");
        assertThat(rules.rules()).containsOnlyKeys("b");
        rules.clear();
        assertThat(rules.rules()).isEmpty();
    }
}
