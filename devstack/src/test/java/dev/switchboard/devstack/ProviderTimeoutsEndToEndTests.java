package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge's provider timeouts, made to fire by the mock provider's stalls. The test suite runs the edge with a
 * 4 s first-token timeout and a 3 s idle timeout ({@link SuiteSettings#forTests}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class ProviderTimeoutsEndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalSuite suite;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
    }

    private HttpResponse<String> streamChat(String prompt) throws Exception {
        String body = """
                {"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"%s"}]}"""
                .formatted(prompt);
        return HTTP.send(HttpRequest.newBuilder(URI.create(suite.edgeUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + suite.demoKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answers504BeforeAnyByteWhenTheProviderIsTooSlowToStart() throws Exception {
        suite.mockProvider().faults().set("gpt-4o-mini", "latency-ms=8000;times=1");
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = streamChat("Slow start " + UUID.randomUUID());
            long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("application/json");
            JsonNode error = JSON.readTree(response.body()).path("error");
            assertThat(error.path("type").asString()).isEqualTo("timeout_error");
            assertThat(tookMillis).as("fired at the 4 s first-token timeout, not the mock's 8 s").isBetween(3500L, 7500L);
            Map<String, Object> row = UsageRows.await(suite, response.headers().firstValue("x-request-id").orElseThrow());
            assertThat(row).containsEntry("status", 504).containsEntry("error_type", "timeout_error");
        } finally {
            suite.mockProvider().faults().clear();
        }
    }

    @Test
    void endsAStalledStreamWithAnInBandTimeoutError() throws Exception {
        suite.mockProvider().faults().set("gpt-4o-mini", "chunk-delay-ms=6000;times=1");
        assertStalledStreamEndsInTimeout();
    }

    /** The mock sends its role chunk at once, then waits for the first token longer than the idle timeout. */
    @Test
    void endsAStreamWhoseFirstTokenNeverComesWithAnInBandTimeoutError() throws Exception {
        suite.mockProvider().faults().set("gpt-4o-mini", "first-token-delay-ms=8000;times=1");
        assertStalledStreamEndsInTimeout();
    }

    @Test
    void recordsAClientThatLeftBeforeTheAnswerStarted() throws Exception {
        suite.mockProvider().faults().set("gpt-4o-mini", "latency-ms=3000;times=1");
        String prompt = "Impatient " + UUID.randomUUID();
        try {
            HttpRequest impatient = HttpRequest.newBuilder(URI.create(suite.edgeUrl() + "/v1/chat/completions"))
                    .timeout(Duration.ofMillis(700))
                    .header("Authorization", "Bearer " + suite.demoKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"model":"gpt-4o-mini","messages":[{"role":"user","content":"%s"}]}""".formatted(prompt)))
                    .build();
            assertThatThrownBy(() -> HTTP.send(impatient, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.net.http.HttpTimeoutException.class);

            String requestId = awaitReceived(prompt);
            Map<String, Object> row = UsageRows.await(suite, requestId);
            assertThat(row).containsEntry("status", 499).containsEntry("error_type", "client_closed");
            assertThat(row.get("attempts").toString()).contains("client_closed");
        } finally {
            suite.mockProvider().faults().clear();
        }
    }

    /** The gateway's request id of the request the mock received with {@code prompt} in its body. */
    private String awaitReceived(String prompt) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            java.util.Optional<String> id = suite.mockProvider().ledger().received().stream()
                    .filter(received -> received.body().contains(prompt))
                    .map(received -> received.correlationId()).findFirst();
            if (id.isPresent()) {
                return id.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the mock never received " + prompt);
    }

    private void assertStalledStreamEndsInTimeout() throws Exception {
        try {
            HttpResponse<String> response = streamChat("Stall " + UUID.randomUUID());

            assertThat(response.statusCode()).isEqualTo(200);
            String[] events = response.body().split("\n\n");
            assertThat(events[0]).as("the first chunk was relayed before the stall").startsWith("data: {\"id\"");
            String last = events[events.length - 1];
            assertThat(last).startsWith("data: {\"error\":");
            assertThat(JSON.readTree(last.substring("data: ".length())).path("error").path("type").asString())
                    .isEqualTo("timeout_error");
            assertThat(response.body()).doesNotContain("[DONE]");
            Map<String, Object> row = UsageRows.await(suite, response.headers().firstValue("x-request-id").orElseThrow());
            assertThat(row).containsEntry("error_type", "timeout").containsEntry("tokens_estimated", true);
        } finally {
            suite.mockProvider().faults().clear();
        }
    }
}
