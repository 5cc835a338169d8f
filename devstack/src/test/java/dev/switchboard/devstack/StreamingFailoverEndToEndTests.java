package dev.switchboard.devstack;

import static dev.switchboard.devstack.EdgeCalls.header;
import static dev.switchboard.devstack.EdgeCalls.requestId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.SseException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.devstack.TestDeployments.Deployment;
import dev.switchboard.mockprovider.ledger.Generation;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Failover of streamed requests: free until the first byte reaches the client (a provider error, a first token
 * that never comes, a provider whose connects hang), and never after it: a stream that breaks or stalls midway ends
 * with an in-band error the official SDK raises, billed for what was sent, with no second provider asked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class StreamingFailoverEndToEndTests {

    private LocalSuite suite;
    private EdgeCalls edge;
    private OpenAIClient sdk;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
        this.edge = new EdgeCalls(suite);
        this.sdk = OpenAIOkHttpClient.builder().baseUrl(suite.edgeUrl() + "/v1").apiKey(suite.demoKey())
                .maxRetries(0).build();
    }

    @AfterAll
    void closeSdk() {
        sdk.close();
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    /** A complete OpenAI stream served by {@code by}: its text is what {@code by} generated, and it ends in DONE. */
    private void assertStreamedBy(TestDeployments deployments, HttpResponse<String> response, Deployment by,
                                  String servedBy) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(header(response, "content-type")).startsWith("text/event-stream");
        assertThat(header(response, "x-switchboard-served-by")).isEqualTo(servedBy);
        assertThat(header(response, "x-switchboard-model")).isEqualTo(by.upstream());
        assertThat(header(response, "x-switchboard-provider")).isEqualTo(by.providerId());
        assertThat(response.body()).endsWith("data: [DONE]\n\n").doesNotContain("\"error\"");
        StringBuilder text = new StringBuilder();
        for (String event : response.body().split("\n\n")) {
            if (!event.equals("data: [DONE]")) {
                JsonNode chunk = EdgeCalls.JSON.readTree(event.substring("data: ".length()));
                text.append(chunk.path("choices").path(0).path("delta").path("content").asString(""));
            }
        }
        assertThat(text.toString()).isEqualTo(deployments.generation(requestId(response), by).text()).isNotEmpty();
    }

    @Test
    void failsOverBeforeTheFirstByteWhenThePrimaryAnswersWithAnError() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-stream-error")) {
            TestDeployments.Pair pair = deployments.pair(Map.of());
            Deployment primary = pair.primary();
            Deployment fallback = pair.fallback();
            deployments.fault(primary, "status=500");

            HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.chat(primary.model(), true));

            assertStreamedBy(deployments, response, fallback, "fallback");
            assertThat(header(response, "x-switchboard-attempts")).isEqualTo("3");
            Generation served = deployments.generation(requestId(response), fallback);
            Map<String, Object> row = UsageRows.await(suite, requestId(response));
            assertThat(row).containsEntry("stream", true).containsEntry("served_by", "fallback")
                    .containsEntry("output_tokens", (long) served.completionTokens());
            assertThat(Attempts.of(row)).containsExactly(Attempts.failed(primary, "server_error", 500),
                    Attempts.failed(primary, "server_error", 500), Attempts.succeeded(fallback));
        }
    }

    @Test
    void failsOverBeforeTheFirstByteWhenThePrimaryMissesItsFirstTokenDeadline() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-stream-slow")) {
            long firstTokenMillis = 800;
            TestDeployments.Pair pair = deployments.pair(Map.of("firstTokenMillis", firstTokenMillis));
            Deployment primary = pair.primary();
            Deployment fallback = pair.fallback();
            deployments.fault(primary, "latency-ms=8000");

            long started = System.nanoTime();
            HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.chat(primary.model(), true));
            long tookMillis = millisSince(started);

            assertStreamedBy(deployments, response, fallback, "fallback");
            assertThat(header(response, "x-switchboard-attempts")).as("a missed first token is not retried")
                    .isEqualTo("2");
            assertThat(tookMillis).as("the provider's own first-token deadline, not the edge's 4 s")
                    .isBetween(firstTokenMillis - 50, 3_000L);
            assertThat(Attempts.of(UsageRows.await(suite, requestId(response))))
                    .containsExactly(Attempts.failed(primary, "first_token_timeout", 0), Attempts.succeeded(fallback));
        }
    }

    @Test
    void failsOverFromAProviderWhoseConnectsHang() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-black-hole")) {
            long connectMillis = 500;
            String blackHole = deployments.providerAt("openai",
                    "http://127.0.0.1:" + suite.mockProvider().blackHolePort() + "/v1",
                    Map.of("connectMillis", connectMillis));
            Deployment fallback = deployments.chat(TestDeployments.seeded("openai"));
            Deployment primary = deployments.chat(blackHole, fallback);

            long started = System.nanoTime();
            HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.chat(primary.model(), true));
            long tookMillis = millisSince(started);

            assertStreamedBy(deployments, response, fallback, "fallback");
            assertThat(tookMillis).as("two connect timeouts of the provider's own, then the fallback")
                    .isBetween(2 * connectMillis - 50, 3_000L);
            assertThat(Attempts.of(UsageRows.await(suite, requestId(response))))
                    .containsExactly(Attempts.failed(primary, "connect_failed", 0),
                            Attempts.failed(primary, "connect_failed", 0), Attempts.succeeded(fallback));
        }
    }

    @Test
    void endsAStreamBrokenAfterTheFirstByteWithAnErrorTheSdkRaisesAndDoesNotFailOver() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-stream-cut")) {
            TestDeployments.Pair pair = deployments.pair(Map.of());
            assertBrokenMidwayWithoutFailover(deployments, pair, "disconnect-after-chunks=3");
        }
    }

    @Test
    void endsAStreamThatStallsMidwayWithAnErrorTheSdkRaisesAndDoesNotFailOver() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-stream-stall")) {
            long idleMillis = 800;
            TestDeployments.Pair pair = deployments.pair(Map.of("idleMillis", idleMillis));
            long streamedMillis = assertBrokenMidwayWithoutFailover(deployments, pair, "chunk-delay-ms=6000");
            assertThat(streamedMillis).as("ended at the provider's idle timeout, before the suite's 3 s one")
                    .isBetween(idleMillis, 2_500L);
        }
    }

    /**
     * Streams through the SDK with {@code fault} on the primary: the first chunks arrive, then the SDK raises; the
     * primary alone was asked. The edge is first made to know the model with a request before the fault.
     */
    /** Returns how long the stream lasted, from the request to the SDK's exception. */
    private long assertBrokenMidwayWithoutFailover(TestDeployments deployments, TestDeployments.Pair pair,
                                                   String fault) throws Exception {
        Deployment primary = pair.primary();
        Deployment fallback = pair.fallback();
        HttpResponse<String> known = deployments.awaitRouted(primary, () -> edge.chat(primary.model(), false));
        assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
        deployments.fault(primary, fault);
        long primaryBefore = deployments.callsTo(primary);
        long fallbackBefore = deployments.callsTo(fallback);
        StringBuilder received = new StringBuilder();
        String requestId;
        long started = System.nanoTime();
        long streamedMillis;
        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> response = sdk.chat().completions()
                .withRawResponse().createStreaming(ChatCompletionCreateParams.builder().model(primary.model())
                        .addUserMessage("Tell me a long story " + UUID.randomUUID()).build());
             StreamResponse<ChatCompletionChunk> stream = response.parse()) {
            requestId = response.headers().values("x-request-id").get(0);
            assertThat(response.headers().values("x-switchboard-served-by")).containsExactly("primary");
            assertThatThrownBy(() -> stream.stream().forEach(chunk -> chunk.choices()
                    .forEach(choice -> choice.delta().content().ifPresent(received::append))))
                    .isInstanceOf(SseException.class);
            streamedMillis = millisSince(started);
        }

        Generation cut = deployments.generation(requestId, primary);
        assertThat(cut.completed()).isFalse();
        assertThat(received.toString()).as("what the client saw before the error").isEqualTo(cut.text()).isNotEmpty();
        assertThat(deployments.callsTo(primary) - primaryBefore).isEqualTo(1);
        assertThat(deployments.callsTo(fallback) - fallbackBefore).as("no failover after the first byte").isZero();
        Map<String, Object> row = UsageRows.await(suite, requestId);
        assertThat(row).containsEntry("stream", true).containsEntry("output_tokens", (long) cut.completionTokens());
        assertThat((Long) row.get("output_tokens")).isPositive();
        assertThat(Attempts.of(row)).containsExactly(Attempts.failed(primary, "stream_broken", 200));
        return streamedMillis;
    }
}
