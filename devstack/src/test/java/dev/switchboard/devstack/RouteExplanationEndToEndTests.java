package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the edge's routing step leaves behind: the route explanation in the usage ledger, and a clear 400 for a
 * request longer than every model that could serve it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class RouteExplanationEndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** A model with a small context window, seeded by this class on the mock's OpenAI deployment. */
    private static final String TINY_MODEL = "tiny-context";

    private LocalSuite suite;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
    }

    private HttpResponse<String> chat(String model, String prompt) throws Exception {
        String body = JSON.writeValueAsString(Map.of("model", model,
                "messages", java.util.List.of(Map.of("role", "user", "content", prompt))));
        return HTTP.send(HttpRequest.newBuilder(URI.create(suite.edgeUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + suite.demoKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void recordsWhyTheModelWasChosenInTheUsageRow() throws Exception {
        HttpResponse<String> response = chat("gpt-4o-mini", "Which model are you? " + UUID.randomUUID());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-switchboard-route")).isPresent();
        assertThat(response.headers().firstValue("x-switchboard-model")).contains("gpt-4o-mini");
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();

        Object route = UsageRows.await(suite, requestId).get("route");
        assertThat(route).as("route column").isNotNull();
        JsonNode considered = JSON.readTree(route.toString()).path("considered");
        assertThat(considered.get(0).path("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(considered.get(0).path("providerId").asString()).isEqualTo("mock-openai");
        assertThat(considered.get(0).path("verdict").asString()).isEqualTo("selected");
    }

    @Test
    void refusesARequestLongerThanEveryModelsContextWindow() throws Exception {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("provider", "mock-openai");
        model.put("upstreamModel", "gpt-4o-mini");
        model.put("version", "tiny-1");
        model.put("contextWindow", 1_000);
        model.put("maxOutputTokens", 256);
        model.put("price", Map.of("inputPerMillion", "0.15", "outputPerMillion", "0.60"));
        suite.routingAdmin().expect("PUT", "/api/v1/models/" + TINY_MODEL, model, 200, 201);

        HttpResponse<String> response = chat(TINY_MODEL, "hello ".repeat(2_000));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("context_length_exceeded");
        assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asString()).contains("(1000 tokens)");
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        Map<String, Object> row = UsageRows.await(suite, requestId);
        assertThat(row).containsEntry("status", 400);
        assertThat(row.get("route").toString()).contains("context window 1000 <");
    }
}
