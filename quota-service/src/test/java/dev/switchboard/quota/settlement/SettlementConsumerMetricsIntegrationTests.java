package dev.switchboard.quota.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.quota.QuotaHttp;
import dev.switchboard.testkit.SwitchboardInfrastructure;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The settlement consumer's lag at {@code /actuator/prometheus}, as the dashboard reads it: Boot's Kafka metrics
 * bind the listener's own consumer, so no code of ours is involved, and this test notices if that stops.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QuotaHttp.SERVICE_TOKEN_PROPERTY, QuotaHttp.ADMIN_TOKEN_PROPERTY})
class SettlementConsumerMetricsIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LAG = Pattern.compile(
            "(?m)^kafka_consumer_fetch_manager_records_lag_max\\{[^}]*application=\"quota-service\"[^}]*} (\\S+)$");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "quota_consumer_metrics_tests");
        SwitchboardInfrastructure.redis().register(registry);
        SwitchboardInfrastructure.kafka().register(registry);
        registry.add("spring.kafka.consumer.group-id", () -> "quota-consumer-metrics-tests-" + UUID.randomUUID());
    }

    @Test
    void exportsTheSettlementConsumersLag() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Matcher lag = LAG.matcher(prometheus());
            assertThat(lag.find()).as("a records-lag-max series of quota-service").isTrue();
            // a number once the consumer has fetched from its partitions
            assertThat(Double.parseDouble(lag.group(1))).isNotNaN().isGreaterThanOrEqualTo(0);
        });
    }

    private String prometheus() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
