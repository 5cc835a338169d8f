package dev.switchboard.mockprovider.fault;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.OverloadedException;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.TextDelta;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.switchboard.mockprovider.MockProviderExtension;
import dev.switchboard.mockprovider.MockProviderSettings;
import dev.switchboard.mockprovider.RawHttp;
import dev.switchboard.mockprovider.answer.TokenCounter;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.ledger.Generation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every fault kind, seen from a client: vendor error shapes, delays, cut and broken streams, rules with times. */
class FaultInjectionIntegrationTests {

    private static final String OPENAI_AUTH = "Bearer " + MockProviderSettings.DEFAULT_OPENAI_KEY;
    private static final String CHAT = """
            {"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}""";
    private static final String CHAT_STREAM = """
            {"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},
             "messages":[{"role":"user","content":"hi"}]}""";

    @RegisterExtension
    static final MockProviderExtension mock = new MockProviderExtension();

    private static ChatCompletionCreateParams.Builder openAiParams(String fault) {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("hello")
                .putAdditionalHeader("x-mock-fault", fault);
    }

    private static HttpResponse<String> rawChat(String body, String fault) {
        return mock.postAsOpenAi("/v1/chat/completions", body, "x-mock-fault", fault);
    }

    @Test
    void status429CarriesRetryAfterAndOpenAiRateLimitShape() {
        assertThatThrownBy(() -> mock.openAi().chat().completions()
                .create(openAiParams("status=429;retry-after=3").build()))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.headers().values("retry-after")).containsExactly("3");
                    assertThat(e.code()).hasValue("rate_limit_exceeded");
                });
        assertThat(rawChat(CHAT, "status=429").headers().firstValue("retry-after")).hasValue("1");
        assertThat(mock.ledger().generations()).isEmpty();
    }

    /** Gateways must be tested against a provider that quotes the credential it refuses. */
    @Test
    void anInjected401QuotesThePresentedCredentialInFull() {
        HttpResponse<String> openAi = rawChat(CHAT, "status=401");
        HttpResponse<String> anthropic = RawHttp.post(mock.baseUrl() + "/v1/messages",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "x-api-key", MockProviderSettings.DEFAULT_ANTHROPIC_KEY, "anthropic-version", "2023-06-01",
                "x-mock-fault", "status=401");
        HttpResponse<String> gemini = RawHttp.post(mock.baseUrl() + "/v1beta/models/gemini-2.5-pro:generateContent",
                "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}", "x-goog-api-key",
                MockProviderSettings.DEFAULT_GEMINI_KEY, "x-mock-fault", "status=403");

        assertThat(openAi.statusCode()).isEqualTo(401);
        assertThat(openAi.body()).contains(MockProviderSettings.DEFAULT_OPENAI_KEY);
        assertThat(anthropic.statusCode()).isEqualTo(401);
        assertThat(anthropic.body()).contains(MockProviderSettings.DEFAULT_ANTHROPIC_KEY);
        assertThat(gemini.statusCode()).isEqualTo(403);
        assertThat(gemini.body()).contains(MockProviderSettings.DEFAULT_GEMINI_KEY);
    }

    @Test
    void status503InGeminiShapeIsUnavailable() {
        HttpResponse<String> response = RawHttp.post(mock.baseUrl() + "/v1beta/models/gemini-2.5-pro:generateContent",
                "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}", "x-goog-api-key",
                MockProviderSettings.DEFAULT_GEMINI_KEY, "x-mock-fault", "status=503");

        JsonNode error = Json.parse(response.body()).get("error");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(error.get("code").asInt()).isEqualTo(503);
        assertThat(error.get("status").stringValue()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void status529IsAnthropicOverloaded() {
        MessageCreateParams params = MessageCreateParams.builder().model("claude-haiku-4-5").maxTokens(10)
                .addUserMessage("hi").putAdditionalHeader("x-mock-fault", "status=529").build();

        assertThatThrownBy(() -> mock.anthropic().messages().create(params))
                .isInstanceOfSatisfying(OverloadedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(529);
                    assertThat(e.body().toString()).contains("overloaded_error");
                });
    }

    @Test
    void latencyDelaysTheResponseHeaders() {
        long start = System.nanoTime();
        HttpResponse<String> response = rawChat(CHAT, "latency-ms=400");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void firstTokenDelayComesAfterTheHeaders() throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = RawHttp.postForStream(
                mock.baseUrl() + "/v1beta/models/g:streamGenerateContent?alt=sse",
                "{\"contents\":[{\"parts\":[{\"text\":\"x\"}]}]}", Duration.ofSeconds(10),
                "x-goog-api-key", MockProviderSettings.DEFAULT_GEMINI_KEY,
                "x-mock-fault", "first-token-delay-ms=1000;chunk-delay-ms=20", "x-mock-answer-tokens", "3");
        Duration headers = Duration.ofNanos(System.nanoTime() - start);
        RawHttp.Read body = RawHttp.readAll(response.body());
        Duration total = Duration.ofNanos(System.nanoTime() - start);

        // measured from the headers, so whatever a cold JVM spends before them cannot blur the result:
        // the 1 s delay (plus two 20 ms chunk gaps) must lie between the headers and the end of the body
        assertThat(total.minus(headers)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        assertThat(RawHttp.sseData(body.text())).hasSize(3);
    }

    @Test
    void disconnectAfterChunksCutsTheStreamAndTheLedgerBillsOnlyWhatWasSent() {
        List<String> received = new ArrayList<>();
        ChatCompletionCreateParams params = openAiParams("disconnect-after-chunks=5")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();

        assertThatThrownBy(() -> {
            try (var stream = mock.openAi().chat().completions().createStreaming(params)) {
                stream.stream().flatMap(chunk -> chunk.choices().stream())
                        .flatMap(choice -> choice.delta().content().stream())
                        .filter(content -> !content.isEmpty()) // the role chunk carries content ""
                        .forEach(received::add);
            }
        }).isInstanceOf(OpenAIIoException.class);

        Generation generation = mock.ledger().lastGeneration().orElseThrow();
        String text = String.join("", received);
        assertThat(received).hasSize(5);
        assertThat(generation.text()).isEqualTo(text);
        assertThat(generation.completionTokens()).isEqualTo(5).isEqualTo(TokenCounter.count(text));
        assertThat(generation.contentChunks()).isEqualTo(5);
        assertThat(generation.completed()).isFalse();
        assertThat(generation.finishReason()).isNull();
    }

    /**
     * Read off the socket to EOF: an HTTP client may raise the broken connection before handing over bytes it
     * already holds, which made the event count depend on timing.
     */
    @Test
    void disconnectedRawStreamHasNoTerminator() throws Exception {
        URI base = URI.create(mock.baseUrl());
        byte[] body = CHAT_STREAM.getBytes(StandardCharsets.UTF_8);
        String text;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + OPENAI_AUTH + "\r\nContent-Type: application/json\r\n"
                    + "x-mock-fault: disconnect-after-chunks=2\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(text).startsWith("HTTP/1.1 200")
                .doesNotContain("[DONE]").doesNotContain("finish_reason\":\"stop")
                .as("no final zero-length chunk: the response was cut, not finished").doesNotEndWith("0\r\n\r\n");
        assertThat(RawHttp.sseData(text)).hasSize(3);
    }

    @Test
    void disconnectCutsAnthropicStreamsToo() {
        List<String> received = new ArrayList<>();
        MessageCreateParams params = MessageCreateParams.builder().model("claude-haiku-4-5").maxTokens(100)
                .addUserMessage("hi").putAdditionalHeader("x-mock-fault", "disconnect-after-chunks=4").build();

        assertThatThrownBy(() -> {
            try (StreamResponse<RawMessageStreamEvent> stream = mock.anthropic().messages().createStreaming(params)) {
                stream.stream().flatMap(e -> e.contentBlockDelta().stream())
                        .flatMap(d -> d.delta().text().stream()).map(TextDelta::text).forEach(received::add);
            }
        }).isInstanceOf(AnthropicIoException.class);

        Generation generation = mock.ledger().lastGeneration().orElseThrow();
        assertThat(received).hasSize(4);
        assertThat(generation.completionTokens()).isEqualTo(4);
        assertThat(generation.text()).isEqualTo(String.join("", received));
    }

    @Test
    void disconnectOnAJsonRequestDropsTheConnectionWithoutAnswer() {
        assertThatThrownBy(() -> rawChat(CHAT, "disconnect-after-chunks=0")).hasRootCauseInstanceOf(
                java.io.IOException.class);
        assertThat(mock.ledger().lastGeneration().orElseThrow().completed()).isFalse();
    }

    @Test
    void hangNeverAnswers() {
        assertThatThrownBy(() -> RawHttp.postForStream(mock.baseUrl() + "/v1/chat/completions", CHAT,
                Duration.ofMillis(500), "authorization", OPENAI_AUTH, "x-mock-fault", "hang=true"))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(mock.ledger().received()).hasSize(1);
        assertThat(mock.ledger().generations()).isEmpty();
    }

    @Test
    void malformedChunkBreaksTheSdkStream() {
        ChatCompletionCreateParams params = openAiParams("malformed-chunk-at=3").build();

        assertThatThrownBy(() -> {
            try (var stream = mock.openAi().chat().completions().createStreaming(params)) {
                stream.stream().forEach(chunk -> { });
            }
        }).isInstanceOf(OpenAIInvalidDataException.class);
    }

    @Test
    void malformedChunkIsTheNthEvent() {
        List<String> data = RawHttp.sseData(rawChat(CHAT_STREAM, "malformed-chunk-at=3").body());

        assertThat(Json.parseOrNull(data.get(0))).isNotNull();
        assertThat(Json.parseOrNull(data.get(1))).isNotNull();
        assertThat(Json.parseOrNull(data.get(2))).isNull();
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
    }

    @Test
    void omitUsageDropsUsageFromBodiesAndStreams() {
        JsonNode json = Json.parse(rawChat(CHAT, "omit-usage=true").body());
        List<String> stream = RawHttp.sseData(rawChat(CHAT_STREAM, "omit-usage=true").body());
        JsonNode message = Json.parse(RawHttp.post(mock.baseUrl() + "/v1/messages",
                "{\"model\":\"c\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "x-api-key", MockProviderSettings.DEFAULT_ANTHROPIC_KEY, "x-mock-fault", "omit-usage=true").body());

        assertThat(json.has("usage")).isFalse();
        assertThat(json.get("choices")).hasSize(1);
        assertThat(stream).last().isEqualTo("[DONE]");
        assertThat(stream.subList(0, stream.size() - 1)).allSatisfy(chunk ->
                assertThat(Json.parse(chunk).get("choices")).isNotEmpty());
        assertThat(message.has("usage")).isFalse();
    }

    @Test
    void ruleWithTimesOneFailsOnlyTheFirstAttempt() {
        mock.faults().set("gpt-4o-mini", "status=503;times=1");
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("retry me").build();

        assertThatThrownBy(() -> mock.openAi().chat().completions().create(params))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode())
                        .isEqualTo(503));
        ChatCompletion retried = mock.openAi().chat().completions().create(params);

        assertThat(retried.choices()).hasSize(1);
        assertThat(mock.ledger().received()).hasSize(2);
        assertThat(mock.faults().rules()).isEmpty();
    }

    @Test
    void ruleAppliesOnlyToItsModelAndHeaderOverridesIt() {
        mock.faults().set("gpt-4o", "status=503");

        assertThat(rawChat(CHAT.replace("gpt-4o", "gpt-4o-mini"), "").statusCode()).isEqualTo(200);
        assertThat(rawChat(CHAT, "").statusCode()).isEqualTo(503);
        assertThat(rawChat(CHAT, "status=429").statusCode()).isEqualTo(429);
    }

    @Test
    void unknownFaultKeyIsA400InTheVendorShape() {
        HttpResponse<String> response = rawChat(CHAT, "stauts=500");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).get("error").get("message").stringValue())
                .contains("unknown fault key 'stauts'");
    }

    @Test
    void chunkDelaySpacesTheChunks() throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = RawHttp.postForStream(mock.baseUrl() + "/v1/chat/completions",
                CHAT_STREAM, Duration.ofSeconds(10), "authorization", OPENAI_AUTH,
                "x-mock-fault", "chunk-delay-ms=60", "x-mock-answer-tokens", "5");
        RawHttp.readAll(response.body());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(240));
    }
}
