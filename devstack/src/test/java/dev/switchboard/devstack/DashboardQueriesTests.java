package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DashboardQueriesTests {

    @Test
    void readsMetricNamesAndSkipsFunctionsLabelsAndVariables() {
        assertThat(DashboardQueries.metricNamesOf("histogram_quantile(0.95, sum by (le, provider) (rate("
                + "switchboard_edge_request_latency_seconds_bucket{provider=~\"$provider\", team=~\"a|b\"}"
                + "[$__rate_interval])))"))
                .containsExactly("switchboard_edge_request_latency_seconds_bucket");
        assertThat(DashboardQueries.metricNamesOf("sum(rate(a_total[5m])) / sum(rate(b_total[5m])) * 3600"))
                .containsExactly("a_total", "b_total");
        assertThat(DashboardQueries.metricNamesOf("max by (application, client_id) (lag_max) or on (x) up"))
                .containsExactly("lag_max", "up");
    }

    @Test
    void findsEveryPanelsQueriesInTheShippedDashboard() throws Exception {
        Path dashboard = ServiceModule.findRepositoryRoot(Path.of("")).resolve("docs/grafana/switchboard.json");

        Set<String> names = DashboardQueries.metricNames(JsonMapper.builder().build()
                .readTree(Files.readString(dashboard)));

        assertThat(names).contains("switchboard_edge_requests_total", "switchboard_edge_request_errors_total",
                "switchboard_edge_time_to_first_token_seconds_bucket", "switchboard_edge_quota_refusals_total",
                "switchboard_edge_usage_spool_events", "kafka_consumer_fetch_manager_records_lag_max",
                "resilience4j_circuitbreaker_state")
                .allMatch(name -> name.matches("[a-z0-9_]+") && name.contains("_"));
    }
}
