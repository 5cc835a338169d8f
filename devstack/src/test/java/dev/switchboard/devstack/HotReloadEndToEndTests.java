package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Admin changes reach a running edge within 5 seconds, with no restart: a route added through routing-service's
 * admin API, then changed, then removed, each time steers the very next requests. The clock starts when the
 * admin call has answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class HotReloadEndToEndTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final String ALIAS = "hot-reload-e2e";
    private static final String ROUTE = "hot-reload-e2e";

    private LocalSuite suite;
    private AdminApi routing;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
        this.routing = suite.routingAdmin();
        routing.expect("PUT", "/api/v1/aliases/" + ALIAS, Map.of("model", "gpt-4o-mini"), 200, 201);
    }

    @AfterAll
    void removeRouteAndAlias() {
        routing.send("DELETE", "/api/v1/routes/" + ROUTE, null);
        routing.send("DELETE", "/api/v1/aliases/" + ALIAS, null);
    }

    private HttpResponse<String> chat() throws Exception {
        String body = """
                {"model":"%s","messages":[{"role":"user","content":"Which model? %s"}]}"""
                .formatted(ALIAS, UUID.randomUUID());
        return HTTP.send(HttpRequest.newBuilder(URI.create(suite.edgeUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + suite.demoKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends requests until one is served by {@code model}; answers how long that took. */
    private Duration awaitServedBy(String model, String route) throws Exception {
        long start = System.nanoTime();
        while (true) {
            HttpResponse<String> response = chat();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (response.headers().firstValue("x-switchboard-model").orElse("").equals(model)) {
                assertThat(response.headers().firstValue("x-switchboard-route")).contains(route);
                System.out.printf("hot reload: served by %s via %s after %d ms%n", model, route, elapsed.toMillis());
                return elapsed;
            }
            assertThat(elapsed).as("still not served by " + model).isLessThan(WITHIN);
            Thread.sleep(100);
        }
    }

    @Test
    void routeAndAliasChangesSteerTheNextRequestsWithinFiveSeconds() throws Exception {
        assertThat(awaitServedBy("gpt-4o-mini", "alias:" + ALIAS)).isLessThan(WITHIN);

        routing.expect("PUT", "/api/v1/routes/" + ROUTE, Map.of("position", 1,
                "match", Map.of("model", ALIAS), "strategy", "model", "target", "claude-sonnet-4-5"), 200, 201);
        assertThat(awaitServedBy("claude-sonnet-4-5", "rule:" + ROUTE)).isLessThan(WITHIN);

        routing.expect("PUT", "/api/v1/routes/" + ROUTE, Map.of("position", 1,
                "match", Map.of("model", ALIAS), "strategy", "model", "target", "gemini-2.5-flash"), 200);
        assertThat(awaitServedBy("gemini-2.5-flash", "rule:" + ROUTE)).isLessThan(WITHIN);

        routing.expect("DELETE", "/api/v1/routes/" + ROUTE, null, 204);
        routing.expect("PUT", "/api/v1/aliases/" + ALIAS, Map.of("model", "claude-sonnet-4-5"), 200);
        assertThat(awaitServedBy("claude-sonnet-4-5", "alias:" + ALIAS)).isLessThan(WITHIN);
    }
}
