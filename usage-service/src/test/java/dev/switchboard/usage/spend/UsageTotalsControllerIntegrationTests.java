package dev.switchboard.usage.spend;

import static dev.switchboard.usage.TestUsageEvents.uniqueId;
import static dev.switchboard.usage.UsageHttp.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.contracts.usage.UsageTotals;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import dev.switchboard.usage.UsageHttp;
import dev.switchboard.usage.ledger.UsageLedger;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

/**
 * The totals quota-service rebuilds its budget counters from, over real HTTP and a real ledger. Rows are written
 * straight to the ledger and the Kafka listener is not started, so the database holds only this class's rows and
 * the global total is known.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.security.service-token=test-service-token",
        "switchboard.security.admin-token=test-admin-token",
        "spring.kafka.listener.auto-startup=false",
        "logging.level.org.apache.kafka=warn"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageTotalsControllerIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JULY_FIRST = "from=2025-07-01T00:00:00Z&to=2025-07-02T00:00:00Z";

    private final String team = uniqueId("team");
    private final String otherTeam = uniqueId("team");
    private final String key = uniqueId("key");
    private final String otherKey = uniqueId("key");

    @LocalServerPort
    int port;

    @Autowired
    UsageLedger ledger;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "usage_totals_tests");
        SwitchboardInfrastructure.kafka().register(registry);
    }

    @BeforeAll
    void recordRequestsAroundJulyFirst() {
        // in range: from is inclusive, and the last microsecond before to counts
        ledger.record(row(team, key, "2025-07-01T00:00:00Z", 100, 20, "0.000150"));
        ledger.record(row(team, otherKey, "2025-07-01T12:00:00Z", 40, 5, "0.0000375"));
        ledger.record(row(team, key, "2025-07-01T23:59:59.999999Z", 7, 0, null));
        ledger.record(row(otherTeam, uniqueId("key"), "2025-07-01T06:00:00Z", 1000, 500, "0.5"));
        // out of range: to is exclusive
        ledger.record(row(team, key, "2025-07-02T00:00:00Z", 1, 1, "1"));
        ledger.record(row(team, key, "2025-06-30T23:59:59.999999Z", 1, 1, "1"));
    }

    @Test
    void sumsATeamsRequestsInTheRangeWithExactCost() {
        ResponseEntity<String> response = get("/internal/v1/usage/totals?scope=team:" + team + "&" + JULY_FIRST);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"cost\":0.0001875");
        assertThat(JSON.readValue(response.getBody(), UsageTotals.class)).isEqualTo(new UsageTotals("team:" + team,
                Instant.parse("2025-07-01T00:00:00Z"), Instant.parse("2025-07-02T00:00:00Z"), 3, 147, 25,
                new BigDecimal("0.0001875")));
    }

    @Test
    void sumsOnlyTheNamedKeysRequests() {
        UsageTotals totals = totals("key:" + key, JULY_FIRST);

        assertThat(totals.requests()).isEqualTo(2);
        assertThat(totals.inputTokens()).isEqualTo(107);
        assertThat(totals.outputTokens()).isEqualTo(20);
        assertThat(totals.cost()).isEqualByComparingTo("0.000150");
        assertThat(totals("key:" + otherKey, JULY_FIRST).cost()).isEqualByComparingTo("0.0000375");
    }

    @Test
    void sumsEveryTeamForTheGlobalScope() {
        UsageTotals totals = totals("global", JULY_FIRST);

        assertThat(totals.scope()).isEqualTo("global");
        assertThat(List.of(totals.requests(), totals.inputTokens(), totals.outputTokens()))
                .containsExactly(4L, 1147L, 525L);
        assertThat(totals.cost()).isEqualByComparingTo("0.5001875");
    }

    @Test
    void countsRequestsWithoutCostAsCostingNothing() {
        UsageTotals lastMicrosecond = totals("team:" + team, "from=2025-07-01T23:00:00Z&to=2025-07-02T00:00:00Z");

        assertThat(lastMicrosecond.requests()).isEqualTo(1);
        assertThat(lastMicrosecond.inputTokens()).isEqualTo(7);
        assertThat(lastMicrosecond.cost()).isEqualByComparingTo("0");
    }

    @Test
    void answersZeroForAScopeWithoutRequestsAndForAnEmptyRange() {
        UsageTotals nobody = totals("team:nobody", JULY_FIRST);
        UsageTotals empty = totals("team:" + team, "from=2025-07-01T00:00:00Z&to=2025-07-01T00:00:00Z");

        for (UsageTotals totals : List.of(nobody, empty)) {
            assertThat(List.of(totals.requests(), totals.inputTokens(), totals.outputTokens()))
                    .containsExactly(0L, 0L, 0L);
            assertThat(totals.cost()).isEqualByComparingTo("0");
        }
    }

    @Test
    void rejectsMissingOrMalformedScope() {
        for (String scope : new String[] {"", "team:", "key: ", "user:alice", "Global", "team"}) {
            ResponseEntity<String> response = get("/internal/v1/usage/totals?scope=" + scope + "&" + JULY_FIRST);

            assertThat(response.getStatusCode()).as("scope=%s", scope).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(error(response).type()).isEqualTo("invalid_request");
            assertThat(error(response).message()).contains("scope");
        }
        assertThat(get("/internal/v1/usage/totals?" + JULY_FIRST).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void rejectsMissingOrMalformedInstants() {
        Map<String, String> queries = Map.of(
                "to=2025-07-02T00:00:00Z", "'from' is required",
                "from=2025-07-01T00:00:00Z", "'to' is required",
                "from=2025-07-01&to=2025-07-02T00:00:00Z", "'from' must be an ISO-8601 instant",
                "from=2025-07-01T00:00:00Z&to=tomorrow", "'to' must be an ISO-8601 instant",
                "from=2025-07-02T00:00:00Z&to=2025-07-01T00:00:00Z", "'from' must not be after 'to'");
        queries.forEach((query, message) -> {
            ResponseEntity<String> response = get("/internal/v1/usage/totals?scope=global&" + query);

            assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(error(response).type()).isEqualTo("invalid_request");
            assertThat(error(response).message()).as(query).contains(message);
        });
    }

    @Test
    void rejectsCallsWithoutTheServiceToken() {
        String path = "/internal/v1/usage/totals?scope=global&" + JULY_FIRST;
        UsageHttp http = new UsageHttp(port);

        assertThat(http.get(path, UsageHttp.SERVICE_TOKEN_HEADER, null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.get(path, UsageHttp.SERVICE_TOKEN_HEADER, "wrong-token").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.get(path, HttpHeaders.AUTHORIZATION, "Bearer test-admin-token").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static UsageEvent row(String team, String key, String occurredAt, long input, long output, String cost) {
        return new UsageEvent(uniqueId("req"), Instant.parse(occurredAt), team, key, null, Map.of(), "default",
                "gpt-4o-mini", "openai-main", "gpt-4o-mini", null, List.of(), input, 0, output, false,
                cost == null ? null : new BigDecimal(cost), "p-2025-05", "miss", false, null, 100, 200, null);
    }

    private UsageTotals totals(String scope, String range) {
        ResponseEntity<String> response = get("/internal/v1/usage/totals?scope=" + scope + "&" + range);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readValue(response.getBody(), UsageTotals.class);
    }

    private ResponseEntity<String> get(String path) {
        return new UsageHttp(port).get(path, UsageHttp.SERVICE_TOKEN_HEADER, "test-service-token");
    }
}
