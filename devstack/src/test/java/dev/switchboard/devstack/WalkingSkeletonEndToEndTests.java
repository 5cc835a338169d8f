package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.mockprovider.ledger.Generation;
import java.util.stream.Collectors;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton over the real path: every service in its own JVM, real PostgreSQL, Redis and Kafka,
 * the mock provider upstream. A request goes in at the edge; its usage row must come out in Postgres.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class WalkingSkeletonEndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalSuite suite;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
    }

    private HttpResponse<String> chat(String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.edgeUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String request(String prompt, boolean stream, String extra) {
        return """
                {"model":"gpt-4o-mini","messages":[{"role":"system","content":"Be brief."},
                 {"role":"user","content":"%s"}],"stream":%s%s}""".formatted(prompt, stream, extra);
    }

    private Generation generationFor(String requestId) {
        return suite.mockProvider().ledger().generationFor(requestId)
                .orElseThrow(() -> new AssertionError("the mock provider never served " + requestId));
    }

    private Map<String, Object> usageRow(String requestId) throws Exception {
        return UsageRows.await(suite, requestId);
    }

    /** gpt-4o-mini as seeded: 0.15 input, 0.075 cached input, 0.60 output, USD per 1M tokens. */
    private static BigDecimal gpt4oMiniCost(long input, long output) {
        return new BigDecimal("0.15").multiply(BigDecimal.valueOf(input))
                .add(new BigDecimal("0.60").multiply(BigDecimal.valueOf(output)))
                .divide(BigDecimal.valueOf(1_000_000));
    }

    @Test
    void answersAChatCompletionAndRecordsItsExactCostInPostgres() throws Exception {
        HttpResponse<String> response = chat(suite.demoKey(), request("What is a gateway? " + UUID.randomUUID(), false, ""));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode completion = JSON.readTree(response.body());
        assertThat(completion.path("object").asString()).isEqualTo("chat.completion");
        assertThat(completion.path("choices").get(0).path("message").path("content").asString()).isNotBlank();
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        assertThat(response.headers().firstValue("x-switchboard-provider")).contains("mock-openai");
        assertThat(response.headers().firstValue("x-switchboard-model")).contains("gpt-4o-mini");

        Generation generation = generationFor(requestId);
        assertThat(completion.path("usage").path("completion_tokens").asLong()).isEqualTo(generation.completionTokens());
        Map<String, Object> row = usageRow(requestId);
        assertThat(row).containsEntry("team_id", SuiteSeeder.DEMO_TEAM)
                .containsEntry("provider_id", "mock-openai")
                .containsEntry("requested_model", "gpt-4o-mini")
                .containsEntry("input_tokens", (long) generation.promptTokens())
                .containsEntry("output_tokens", (long) generation.completionTokens())
                .containsEntry("tokens_estimated", false)
                .containsEntry("stream", false)
                .containsEntry("status", 200);
        assertThat((BigDecimal) row.get("cost"))
                .isEqualByComparingTo(gpt4oMiniCost(generation.promptTokens(), generation.completionTokens()));
        assertThat((BigDecimal) row.get("cost")).isPositive();
    }

    @Test
    void streamsServerSentEventsEndingInDoneAndBillsThem() throws Exception {
        HttpResponse<String> response = chat(suite.demoKey(), request("Stream please " + UUID.randomUUID(), true, ""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        String body = response.body();
        assertThat(body).startsWith("data: {").endsWith("data: [DONE]\n\n");
        assertThat(body).as("the gateway asked for usage; the client did not, so it must not see it")
                .doesNotContain("\"choices\":[]");
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        Generation generation = generationFor(requestId);

        StringBuilder content = new StringBuilder();
        for (String event : body.split("\n\n")) {
            if (!event.equals("data: [DONE]")) {
                JsonNode chunk = JSON.readTree(event.substring("data: ".length()));
                content.append(chunk.path("choices").path(0).path("delta").path("content").asString(""));
            }
        }
        assertThat(content.toString()).isEqualTo(generation.text());
        Map<String, Object> row = usageRow(requestId);
        assertThat(row).containsEntry("stream", true)
                .containsEntry("output_tokens", (long) generation.completionTokens())
                .containsEntry("tokens_estimated", false);
        assertThat((BigDecimal) row.get("cost"))
                .isEqualByComparingTo(gpt4oMiniCost(generation.promptTokens(), generation.completionTokens()));
    }

    @Test
    void forwardsTheUsageChunkWhenTheClientAsksForIt() throws Exception {
        HttpResponse<String> response = chat(suite.demoKey(),
                request("Count me " + UUID.randomUUID(), true, ",\"stream_options\":{\"include_usage\":true}"));

        assertThat(response.statusCode()).isEqualTo(200);
        Generation generation = generationFor(response.headers().firstValue("x-request-id").orElseThrow());
        assertThat(response.body()).contains("\"choices\":[]")
                .contains("\"completion_tokens\":" + generation.completionTokens())
                .endsWith("data: [DONE]\n\n");
    }

    private OpenAIClient sdk(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(suite.edgeUrl() + "/v1").apiKey(key).maxRetries(0).build();
    }

    @Test
    void servesTheOfficialOpenAiJavaSdkAnswersAndStreams() {
        OpenAIClient client = sdk(suite.demoKey());
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("Hello from the SDK " + UUID.randomUUID()).build();

        ChatCompletion completion = client.chat().completions().create(params);
        assertThat(completion.choices().get(0).message().content()).hasValueSatisfying(
                text -> assertThat(text).isNotBlank());
        assertThat(completion.usage()).hasValueSatisfying(usage -> assertThat(usage.completionTokens()).isPositive());

        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            String streamed = stream.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .flatMap(choice -> choice.delta().content().stream())
                    .collect(Collectors.joining());
            assertThat(streamed).isEqualTo(completion.choices().get(0).message().content().orElseThrow());
        }
    }

    @Test
    void givesTheOpenAiSdkItsOwnExceptionsForBadKeysAndUnknownModels() {
        ChatCompletionCreateParams known = ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("hi").build();
        ChatCompletionCreateParams unknown = ChatCompletionCreateParams.builder()
                .model("no-such-model").addUserMessage("hi").build();

        assertThatThrownBy(() -> sdk("sb-wrong").chat().completions().create(known))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> sdk(suite.demoKey()).chat().completions().create(unknown))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void endsAStreamTheProviderBreaksOffWithAnInBandErrorAndBillsWhatWasSent() throws Exception {
        suite.mockProvider().faults().set("gpt-4o-mini", "disconnect-after-chunks=3;times=1");
        try {
            HttpResponse<String> response = chat(suite.demoKey(), request("Cut me " + UUID.randomUUID(), true, ""));

            assertThat(response.statusCode()).isEqualTo(200);
            String[] events = response.body().split("\n\n");
            String last = events[events.length - 1];
            assertThat(last).as("the SDKs raise on a data event with an error key").startsWith("data: {\"error\":");
            assertThat(JSON.readTree(last.substring("data: ".length())).path("error").path("code").asString())
                    .isEqualTo("provider_stream_error");
            assertThat(response.body()).doesNotContain("[DONE]");

            String requestId = response.headers().firstValue("x-request-id").orElseThrow();
            Generation cut = generationFor(requestId);
            assertThat(cut.completed()).isFalse();
            Map<String, Object> row = usageRow(requestId);
            assertThat(row).containsEntry("tokens_estimated", true)
                    .containsEntry("error_type", "provider_stream_error")
                    .containsEntry("output_tokens", (long) cut.completionTokens());
            assertThat((Long) row.get("input_tokens")).isPositive();
        } finally {
            suite.mockProvider().faults().clear();
        }
    }

    @Test
    void cancelsTheProviderCallWhenTheClientGoesAwayAndBillsWhatWasSent() throws Exception {
        suite.mockProvider().faults().set("gpt-4o-mini", "chunk-delay-ms=150;times=1");
        String prompt = "Leave early " + UUID.randomUUID();
        URI edge = URI.create(suite.edgeUrl());
        try (java.net.Socket socket = new java.net.Socket(edge.getHost(), edge.getPort())) {
            byte[] body = request(prompt, true, "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + suite.demoKey() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            String seen = "";
            while (!seen.contains("\"content\":\"")) {
                int read = in.read();
                assertThat(read).as("stream ended before any content").isNotNegative();
                seen += (char) read;
            }
        }

        Generation generation = awaitCancelled(prompt);
        assertThat(generation.completed()).as("the provider kept generating after the client left").isFalse();
        assertThat(generation.completionTokens()).isLessThan(24);
        Map<String, Object> row = usageRow(generation.correlationId());
        assertThat(row).containsEntry("status", 499)
                .containsEntry("error_type", "client_closed")
                .containsEntry("tokens_estimated", true);
        assertThat((Long) row.get("output_tokens")).isBetween(1L, (long) generation.completionTokens());
    }

    /** The generation for {@code prompt}, once the mock has stopped sending it (or a few seconds passed). */
    private Generation awaitCancelled(String prompt) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Generation latest = null;
        while (System.nanoTime() < deadline) {
            latest = suite.mockProvider().ledger().received().stream()
                    .filter(received -> received.body().contains(prompt))
                    .map(received -> suite.mockProvider().ledger().generationFor(received.correlationId()))
                    .flatMap(java.util.Optional::stream)
                    .findFirst().orElse(null);
            if (latest != null) {
                int chunks = latest.contentChunks();
                Thread.sleep(600);
                Generation again = suite.mockProvider().ledger().generationFor(latest.correlationId()).orElseThrow();
                if (again.contentChunks() == chunks) {
                    return again;
                }
            } else {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the mock never stopped generating: " + latest);
    }

    @Test
    void listsAndShowsTheTeamsModelsToTheOpenAiSdk() {
        OpenAIClient client = sdk(suite.demoKey());

        assertThat(client.models().list().data()).extracting(com.openai.models.models.Model::id)
                .containsAll(SuiteSeeder.MOCK_MODELS.stream().map(SuiteSeeder.ModelEntry::name).toList());
        com.openai.models.models.Model model = client.models().retrieve(
                com.openai.models.models.ModelRetrieveParams.builder().model("gpt-4o-mini").build());
        assertThat(model.id()).isEqualTo("gpt-4o-mini");
        assertThat(model.ownedBy()).isEqualTo("mock-openai");
        assertThat(model.created()).isPositive();
        assertThatThrownBy(() -> client.models().retrieve(
                com.openai.models.models.ModelRetrieveParams.builder().model("no-such-model").build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sdk("sb-wrong").models().list()).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void refusesAWrongKeyWithOpenAiError401() throws Exception {
        HttpResponse<String> response = chat("sb-not-a-real-key", request("hi", false, ""));

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("type").asString()).isEqualTo("authentication_error");
        assertThat(error.path("code").asString()).isEqualTo("invalid_api_key");
        assertThat(error.has("message")).isTrue();
        assertThat(error.has("param")).isTrue();
    }

    @Test
    void refusesAMissingKeyWithOpenAiError401() throws Exception {
        HttpResponse<String> response = chat(null, request("hi", false, ""));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asString()).isEqualTo("invalid_api_key");
    }

    @Test
    void answersAnUnknownModelWithOpenAiError404() throws Exception {
        HttpResponse<String> response = chat(suite.demoKey(),
                "{\"model\":\"no-such-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("model_not_found");
        assertThat(error.path("param").asString()).isEqualTo("model");
        assertThat(error.path("message").asString()).contains("no-such-model");
    }

    @Test
    void answersMalformedJsonWithOpenAiError400() throws Exception {
        HttpResponse<String> response = chat(suite.demoKey(), "{\"model\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").path("type").asString())
                .isEqualTo("invalid_request_error");
    }

    @Test
    void everyServiceReportsHealthAndMetrics() throws Exception {
        for (String url : new String[] {suite.edgeUrl(), suite.routingUrl(), suite.quotaUrl(), suite.usageUrl(),
                suite.adminUiUrl()}) {
            for (String path : new String[] {"/actuator/health/liveness", "/actuator/health/readiness",
                    "/actuator/prometheus"}) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(url + path).isEqualTo(200);
            }
        }
    }
}
