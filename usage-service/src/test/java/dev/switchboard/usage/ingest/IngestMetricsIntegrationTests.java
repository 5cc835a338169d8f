package dev.switchboard.usage.ingest;

import static dev.switchboard.usage.TestUsageEvents.event;
import static dev.switchboard.usage.TestUsageEvents.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.testkit.SwitchboardInfrastructure;
import dev.switchboard.usage.UsageTopicPublisher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the dashboard reads from usage-service at {@code /actuator/prometheus}: the ingest outcomes and the ledger
 * consumer's lag, which Boot's Kafka metrics bind from the listener's own consumer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.security.service-token=test-service-token",
        "switchboard.security.admin-token=test-admin-token"})
@DirtiesContext
class IngestMetricsIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern STORED = Pattern.compile(
            "(?m)^switchboard_usage_ingest_events_total\\{[^}]*outcome=\"stored\"[^}]*} (\\S+)$");
    private static final Pattern LAG = Pattern.compile(
            "(?m)^kafka_consumer_fetch_manager_records_lag_max\\{[^}]*} (\\S+)$");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "usage_ingest_metrics_tests");
        SwitchboardInfrastructure.kafka().register(registry);
        registry.add("spring.kafka.consumer.group-id", () -> "usage-ingest-metrics-tests-" + UUID.randomUUID());
    }

    @Test
    void exportsIngestOutcomesAndTheConsumersLag() {
        try (UsageTopicPublisher publisher = new UsageTopicPublisher(
                SwitchboardInfrastructure.kafka().bootstrapServers())) {
            publisher.publish(event(uniqueId("metrics"), "metrics-team"));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = prometheus();
            assertThat(value(STORED, scrape)).isGreaterThanOrEqualTo(1);
            // a number once the consumer has fetched: the partitions' largest lag in records
            assertThat(value(LAG, scrape)).isNotNaN().isGreaterThanOrEqualTo(0);
            assertThat(scrape).contains("application=\"usage-service\"");
        });
    }

    private static double value(Pattern sample, String scrape) {
        Matcher matcher = sample.matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    private String prometheus() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
