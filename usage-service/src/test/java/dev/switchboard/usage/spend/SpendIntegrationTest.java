package dev.switchboard.usage.spend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.error.ServiceError;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import dev.switchboard.usage.UsageHttp;
import dev.switchboard.usage.ledger.UsageLedger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the spend API tests share: one usage-service over real HTTP on a fresh real database, holding exactly the
 * events of {@link SpendDataSet} (recorded through the ledger, so the rollups are the ledger's own), principals of
 * every role, and a clock fixed at {@link #NOW}. The Kafka listener is not started, so nothing else lands.
 * Subclasses share the context, and recording the events again is a no-op (the ledger is idempotent).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.security.service-token=test-service-token",
        "switchboard.security.admin-token=" + SpendIntegrationTest.ADMIN,
        "switchboard.security.principals[0].name=finance",
        "switchboard.security.principals[0].role=finance",
        "switchboard.security.principals[0].token=" + SpendIntegrationTest.FINANCE,
        "switchboard.security.principals[1].name=viewer",
        "switchboard.security.principals[1].role=viewer",
        "switchboard.security.principals[1].token=" + SpendIntegrationTest.VIEWER,
        "spring.kafka.listener.auto-startup=false",
        "logging.level.org.apache.kafka=warn"})
@Import(SpendIntegrationTest.FixedClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpendIntegrationTest {

    static final String ADMIN = "test-admin-token";
    static final String FINANCE = "test-finance-token";
    static final String VIEWER = "test-viewer-token";
    /** A Thursday. */
    static final Instant NOW = Instant.parse("2025-04-03T10:00:00Z");

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    UsageLedger ledger;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "spend_tests");
        SwitchboardInfrastructure.kafka().register(registry);
        registry.add("switchboard.usage.quota-url", () -> QuotaBudgetsStandIn.instance().url());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @BeforeAll
    void recordTheDataSet() {
        SpendDataSet.EVENTS.forEach(ledger::record);
    }

    ResponseEntity<String> get(String path, String token) {
        return new UsageHttp(port).get(path, HttpHeaders.AUTHORIZATION, token == null ? null : "Bearer " + token);
    }

    /** A GET as finance that must answer 200, read as {@code type}. */
    <T> T read(String path, Class<T> type) {
        ResponseEntity<String> response = get(path, FINANCE);
        assertThat(response.getStatusCode()).as("%s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readValue(response.getBody(), type);
    }

    /** A GET as finance that must answer 400 in the service's error shape, naming {@code message}. */
    void assertBadRequest(String path, String message) {
        ResponseEntity<String> response = get(path, FINANCE);
        assertThat(response.getStatusCode()).as("%s: %s", path, response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        ServiceError error = UsageHttp.error(response);
        assertThat(error.type()).as(path).isEqualTo("invalid_request");
        assertThat(error.message()).as(path).contains(message);
    }
}
