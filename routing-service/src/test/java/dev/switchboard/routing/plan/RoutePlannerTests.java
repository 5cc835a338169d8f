package dev.switchboard.routing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutePlannerTests {

    @Test
    void namesTheDirectRouteAfterTheModel() {
        assertThat(RoutePlanner.directRouteId("meta-llama/Llama-3.1-8B-Instruct"))
                .isEqualTo("model:meta-llama/Llama-3.1-8B-Instruct");
    }

    @Test
    void namesTheAliasRouteAfterTheAliasAndExplainsWhereItLeads() {
        assertThat(RoutePlanner.aliasRouteId("fast")).isEqualTo("alias:fast");
        assertThat(RoutePlanner.aliasReason("fast", "gpt-4o-mini")).isEqualTo("alias fast -> gpt-4o-mini");
    }
}
