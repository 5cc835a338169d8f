package dev.switchboard.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.quota.AdmissionDecision;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaRefusalMetricsTests {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final QuotaRefusalMetrics refusals = new QuotaRefusalMetrics(registry, new TeamTags(1));

    @Test
    void countsRefusalsByTeamAndReasonFoldingUnknownReasonsAndTeams() {
        refusals.refused("team-a", AdmissionDecision.BUDGET_EXCEEDED);
        refusals.refused("team-a", AdmissionDecision.BUDGET_EXCEEDED);
        refusals.refused("team-a", QuotaRefusalMetrics.UNAVAILABLE);
        refusals.refused("team-a", "something_new");
        refusals.refused("team-b", AdmissionDecision.RATE_LIMITED);

        PrometheusText scrape = new PrometheusText(registry.scrape());
        String name = "switchboard_edge_quota_refusals_total";
        assertThat(scrape.value(name, Map.of("team", "team-a", "reason", "budget_exceeded"))).isEqualTo(2);
        assertThat(scrape.value(name, Map.of("team", "team-a", "reason", "unavailable"))).isEqualTo(1);
        assertThat(scrape.value(name, Map.of("team", "team-a", "reason", "other"))).isEqualTo(1);
        assertThat(scrape.value(name, Map.of("team", "other", "reason", "rate_limit_exceeded"))).isEqualTo(1);
        assertThat(scrape.labelValues(name, "team")).containsExactly("other", "team-a");
    }
}
