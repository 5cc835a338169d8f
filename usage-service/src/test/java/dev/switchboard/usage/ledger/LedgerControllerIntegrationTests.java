package dev.switchboard.usage.ledger;

import static dev.switchboard.usage.TestUsageEvents.event;
import static dev.switchboard.usage.TestUsageEvents.uniqueId;
import static dev.switchboard.usage.TestUsageEvents.withCost;
import static dev.switchboard.usage.TestUsageEvents.withReservation;
import static dev.switchboard.usage.UsageHttp.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import dev.switchboard.usage.UsageHttp;
import dev.switchboard.usage.UsageTopicPublisher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** The whole service over real HTTP, fed through the real topic: what an admin sees of the ledger. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.security.service-token=test-service-token",
        "switchboard.security.admin-token=test-admin-token",
        "logging.level.org.apache.kafka=warn"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerControllerIntegrationTests {

    private static final String ADMIN = "Bearer test-admin-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String team = uniqueId("team");
    private final UsageEvent oldest = event(uniqueId("old"), team, Instant.parse("2025-06-01T10:00:00Z"));
    private final UsageEvent middle = event(uniqueId("mid"), team, Instant.parse("2025-06-01T11:00:00.5Z"));
    private final UsageEvent newest = event(uniqueId("new"), team, Instant.parse("2025-06-01T12:30:45.123456Z"));
    /** Its cost prints as 1E-8 with BigDecimal.toString(). */
    private final UsageEvent tiny = withCost(event(uniqueId("tiny"), uniqueId("team")), new BigDecimal("0.00000001"));
    private final UsageEvent reserved = withReservation(event(uniqueId("reserved"), uniqueId("team")), "rsv-42");

    @LocalServerPort
    int port;

    @Autowired
    UsageLedger ledger;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "usage_ledger_api_tests");
        SwitchboardInfrastructure.kafka().register(registry);
        registry.add("spring.kafka.consumer.group-id", () -> "usage-ledger-api-tests-" + UUID.randomUUID());
    }

    @BeforeAll
    void publishThreeRequestsOfOneTeam() {
        try (UsageTopicPublisher publisher =
                     new UsageTopicPublisher(SwitchboardInfrastructure.kafka().bootstrapServers())) {
            publisher.publish(middle);
            publisher.publish(newest);
            publisher.publish(oldest);
            publisher.publish(tiny);
            publisher.publish(reserved);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ledger.recent(team, 10).size() == 3 && ledger.find(tiny.requestId()).isPresent()
                        && ledger.find(reserved.requestId()).isPresent());
    }

    @Test
    void returnsStoredEventWithExactCost() {
        ResponseEntity<String> response = get("/api/v1/usage/requests/" + newest.requestId(), ADMIN);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"cost\":0.0000135");
        UsageEvent body = JSON.readValue(response.getBody(), UsageEvent.class);
        assertThat(body).isEqualTo(newest);
        assertThat(body.cost().compareTo(new BigDecimal("0.0000135"))).isZero();
    }

    @Test
    void writesTinyCostsAsPlainDecimals() {
        ResponseEntity<String> response = get("/api/v1/usage/requests/" + tiny.requestId(), ADMIN);

        assertThat(response.getBody()).contains("\"cost\":0.00000001,");
        assertThat(JSON.readValue(response.getBody(), UsageEvent.class)).isEqualTo(tiny);
    }

    @Test
    void returnsTheQuotaReservationOfTheRequest() {
        ResponseEntity<String> response = get("/api/v1/usage/requests/" + reserved.requestId(), ADMIN);

        assertThat(response.getBody()).contains("\"reservationId\":\"rsv-42\"");
        assertThat(JSON.readValue(response.getBody(), UsageEvent.class)).isEqualTo(reserved);
        assertThat(JSON.readValue(get("/api/v1/usage/requests/" + newest.requestId(), ADMIN).getBody(),
                UsageEvent.class).reservationId()).isNull();
    }

    @Test
    void answersNotFoundForUnknownRequest() {
        ResponseEntity<String> response = get("/api/v1/usage/requests/no-such-request", ADMIN);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(error(response).type()).isEqualTo("not_found");
    }

    @Test
    void listsTeamRequestsNewestFirst() {
        ResponseEntity<String> response = get("/api/v1/usage/requests?teamId=" + team + "&limit=50", ADMIN);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        UsageEventList list = JSON.readValue(response.getBody(), UsageEventList.class);
        assertThat(list.teamId()).isEqualTo(team);
        assertThat(list.events()).containsExactly(newest, middle, oldest);
    }

    @Test
    void listsNoMoreThanTheLimit() {
        UsageEventList list = JSON.readValue(
                get("/api/v1/usage/requests?teamId=" + team + "&limit=2", ADMIN).getBody(), UsageEventList.class);

        assertThat(list.events()).extracting(UsageEvent::requestId)
                .containsExactly(newest.requestId(), middle.requestId());
    }

    @Test
    void listsNothingForTeamWithoutRequests() {
        UsageEventList list = JSON.readValue(
                get("/api/v1/usage/requests?teamId=nobody", ADMIN).getBody(), UsageEventList.class);

        assertThat(list.events()).isEmpty();
        assertThat(list.limit()).isEqualTo(50);
    }

    @Test
    void rejectsLimitOutsideOneToFiveHundred() {
        for (String limit : new String[] {"0", "501", "-1", "abc"}) {
            ResponseEntity<String> response = get("/api/v1/usage/requests?teamId=" + team + "&limit=" + limit, ADMIN);

            assertThat(response.getStatusCode()).as("limit=%s", limit).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(error(response).type()).isEqualTo("invalid_request");
        }
        assertThat(get("/api/v1/usage/requests?teamId=" + team + "&limit=500", ADMIN).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void rejectsListWithoutTeam() {
        ResponseEntity<String> response = get("/api/v1/usage/requests?limit=5", ADMIN);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(error(response).message()).contains("teamId");
    }

    @Test
    void rejectsCallsWithoutTheAdminToken() {
        String path = "/api/v1/usage/requests/" + newest.requestId();

        assertThat(get(path, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(error(get(path, null)).type()).isEqualTo("authentication");
        assertThat(get(path, "Bearer wrong-token").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("/api/v1/usage/requests?teamId=" + team, "Bearer test-service-token").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void exposesHealthProbesAndPrometheusMetrics() {
        assertThat(get("/actuator/health/liveness", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/actuator/health/readiness", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> prometheus = get("/actuator/prometheus", null);
        assertThat(prometheus.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(prometheus.getBody())
                .contains("switchboard_usage_ingest_events_total{")
                .containsPattern("switchboard_usage_ingest_events_total\\{.*outcome=\"stored\".*} [1-9]");
    }

    private ResponseEntity<String> get(String path, String authorization) {
        return new UsageHttp(port).get(path, HttpHeaders.AUTHORIZATION, authorization);
    }
}
