package dev.switchboard.mockprovider.gemini;

import dev.switchboard.mockprovider.MockProviderExtension;
import dev.switchboard.mockprovider.MockProviderSettings;
import dev.switchboard.mockprovider.RawHttp;
import dev.switchboard.mockprovider.answer.TokenCounter;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.ledger.Generation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Gemini's REST API through plain java.net.http, as there is no Gemini SDK among the test dependencies. */
class GeminiIntegrationTests {

    private static final String KEY = MockProviderSettings.DEFAULT_GEMINI_KEY;
    private static final String HELLO = """
            {"systemInstruction":{"parts":[{"text":"Answer briefly."}]},
             "contents":[{"role":"user","parts":[{"text":"What is Gemini?"}]}]}""";

    @RegisterExtension
    static final MockProviderExtension mock = new MockProviderExtension();

    private static String url(String method) {
        return mock.baseUrl() + "/v1beta/models/gemini-2.5-flash:" + method;
    }

    @Test
    void generateContentMatchesTheLedger() {
        HttpResponse<String> response = RawHttp.post(url("generateContent"), HELLO, "x-goog-api-key", KEY);

        JsonNode body = Json.parse(response.body());
        JsonNode candidate = body.get("candidates").get(0);
        JsonNode usage = body.get("usageMetadata");
        Generation generation = mock.ledger().generationByResponseId(body.get("responseId").stringValue())
                .orElseThrow();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(candidate.get("content").get("role").stringValue()).isEqualTo("model");
        assertThat(candidate.get("content").get("parts").get(0).get("text").stringValue())
                .isEqualTo(generation.text());
        assertThat(candidate.get("finishReason").stringValue()).isEqualTo("STOP");
        assertThat(usage.get("promptTokenCount").asInt()).isEqualTo(generation.promptTokens())
                .isEqualTo(TokenCounter.count("Answer briefly.") + TokenCounter.count("What is Gemini?"));
        assertThat(usage.get("candidatesTokenCount").asInt()).isEqualTo(generation.completionTokens()).isEqualTo(24);
        assertThat(usage.get("totalTokenCount").asInt()).isEqualTo(generation.totalTokens());
        assertThat(body.get("modelVersion").stringValue()).isEqualTo("gemini-2.5-flash");
    }

    @Test
    void sseStreamCarriesCumulativeUsageAndFinishesOnTheLastChunk() {
        HttpResponse<String> response = RawHttp.post(url("streamGenerateContent") + "?alt=sse&key=" + KEY, HELLO);

        List<JsonNode> chunks = RawHttp.sseData(response.body()).stream().map(Json::parse).toList();
        Generation generation = mock.ledger().lastGeneration().orElseThrow();
        String text = chunks.stream().map(c -> c.get("candidates").get(0).get("content").get("parts").get(0)
                .get("text").stringValue()).reduce("", String::concat);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(response.body()).doesNotContain("[DONE]");
        assertThat(chunks).hasSize(24);
        assertThat(text).isEqualTo(generation.text());
        for (int i = 0; i < chunks.size(); i++) {
            JsonNode chunk = chunks.get(i);
            assertThat(chunk.get("usageMetadata").get("candidatesTokenCount").asInt()).isEqualTo(i + 1);
            assertThat(chunk.get("candidates").get(0).has("finishReason")).isEqualTo(i == chunks.size() - 1);
        }
        assertThat(chunks.get(23).get("usageMetadata").get("candidatesTokenCount").asInt())
                .isEqualTo(generation.completionTokens());
        assertThat(generation.stream()).isTrue();
        assertThat(generation.finishReason()).isEqualTo("STOP");
    }

    @Test
    void streamWithoutAltSseIsOneJsonArray() {
        HttpResponse<String> response = RawHttp.post(url("streamGenerateContent"), HELLO, "x-goog-api-key", KEY,
                "x-mock-answer-tokens", "4");

        JsonNode array = Json.parse(response.body());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(4);
        assertThat(array.get(3).get("candidates").get(0).get("finishReason").stringValue()).isEqualTo("STOP");
    }

    @Test
    void maxOutputTokensStopsWithMaxTokens() {
        HttpResponse<String> response = RawHttp.post(url("generateContent"), """
                {"contents":[{"parts":[{"text":"Tell me everything"}]}],"generationConfig":{"maxOutputTokens":4}}""",
                "x-goog-api-key", KEY);

        JsonNode body = Json.parse(response.body());
        assertThat(body.get("candidates").get(0).get("finishReason").stringValue()).isEqualTo("MAX_TOKENS");
        assertThat(body.get("usageMetadata").get("candidatesTokenCount").asInt()).isEqualTo(4);
    }

    @Test
    void modeAnyAnswersWithAFunctionCallPartAndStop() {
        HttpResponse<String> response = RawHttp.post(url("generateContent"), """
                {"contents":[{"parts":[{"text":"Weather in Lima?"}]}],
                 "tools":[{"functionDeclarations":[{"name":"get_weather",
                   "parameters":{"type":"OBJECT","properties":{"city":{"type":"STRING"}}}}]}],
                 "toolConfig":{"functionCallingConfig":{"mode":"ANY"}}}""", "x-goog-api-key", KEY);

        JsonNode candidate = Json.parse(response.body()).get("candidates").get(0);
        JsonNode call = candidate.get("content").get("parts").get(0).get("functionCall");
        assertThat(call.get("name").stringValue()).isEqualTo("get_weather");
        assertThat(call.get("args").get("city").isString()).isTrue();
        assertThat(candidate.get("finishReason").stringValue()).isEqualTo("STOP");
    }

    @Test
    void wrongKeyIs400WithApiKeyInvalidReason() {
        HttpResponse<String> response = RawHttp.post(url("generateContent") + "?key=wrong", HELLO);

        JsonNode error = Json.parse(response.body()).get("error");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error.get("code").asInt()).isEqualTo(400);
        assertThat(error.get("status").stringValue()).isEqualTo("INVALID_ARGUMENT");
        assertThat(error.get("details").get(0).get("reason").stringValue()).isEqualTo("API_KEY_INVALID");
        assertThat(error.get("details").get(0).get("@type").stringValue())
                .isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
    }

    @Test
    void missingKeyIs403PermissionDenied() {
        HttpResponse<String> response = RawHttp.post(url("generateContent"), HELLO);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Json.parse(response.body()).get("error").get("status").stringValue())
                .isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void missingContentsIs400InvalidArgument() {
        HttpResponse<String> response = RawHttp.post(url("generateContent"), "{}", "x-goog-api-key", KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).get("error").get("status").stringValue())
                .isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void modelsAreListedWithTheirResourceNames() {
        HttpResponse<String> response = RawHttp.get(mock.baseUrl() + "/v1beta/models", "x-goog-api-key", KEY);

        assertThat(Json.parse(response.body()).get("models").get(0).get("name").stringValue())
                .startsWith("models/gemini-");
    }
}
