package dev.switchboard.mockprovider.fault;

import dev.switchboard.mockprovider.MockProviderExtension;
import dev.switchboard.mockprovider.MockProviderSettings;
import dev.switchboard.mockprovider.RawHttp;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.ledger.Generation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cached-tokens} and {@code reasoning-tokens}: the mock reports prompt-cache reads and hidden reasoning in each
 * vendor's own usage fields (reference §1.4, §2.3, §3.3), consistent with what its ledger says it generated.
 */
class ReportedUsageIntegrationTests {

    private static final String PROMPT = "Summarise the quarterly report of the northern region in three short bullet"
            + " points, naming revenue, churn and the largest new customer, and keep it under fifty words please.";
    private static final String USAGE = "cached-tokens=12;reasoning-tokens=40";

    @RegisterExtension
    static final MockProviderExtension mock = new MockProviderExtension();

    @Test
    void openAiCountsCachedTokensInsideThePromptAndReasoningInsideTheCompletion() {
        JsonNode usage = Json.parse(openAi(false, USAGE).body()).path("usage");

        Generation generation = lastGeneration();
        assertThat(generation.cachedTokens()).isEqualTo(12);
        assertThat(generation.reasoningTokens()).isEqualTo(40);
        assertOpenAiUsage(usage, generation);
    }

    @Test
    void openAiStreamsTheSameUsageInItsUsageChunk() {
        List<String> data = RawHttp.sseData(openAi(true, USAGE).body());
        JsonNode usage = Json.parse(data.get(data.size() - 2)).path("usage");

        assertOpenAiUsage(usage, lastGeneration());
    }

    @Test
    void anthropicReportsCacheReadsOutsideInputTokensAndThinkingInsideOutputTokens() {
        JsonNode usage = Json.parse(anthropic(false).body()).path("usage");

        Generation generation = lastGeneration();
        assertThat(usage.path("input_tokens").asInt()).isEqualTo(generation.promptTokens() - 12);
        assertThat(usage.path("cache_read_input_tokens").asInt()).isEqualTo(12);
        assertThat(usage.path("output_tokens").asInt()).isEqualTo(generation.completionTokens() + 40);
        assertThat(usage.path("output_tokens_details").path("thinking_tokens").asInt()).isEqualTo(40);
    }

    @Test
    void anthropicStreamsCacheReadsInMessageStartAndTheFinalOutputInMessageDelta() {
        List<JsonNode> events = RawHttp.sseData(anthropic(true).body()).stream().map(Json::parse).toList();

        Generation generation = lastGeneration();
        JsonNode start = events.get(0).path("message").path("usage");
        assertThat(start.path("input_tokens").asInt()).isEqualTo(generation.promptTokens() - 12);
        assertThat(start.path("cache_read_input_tokens").asInt()).isEqualTo(12);
        JsonNode delta = events.stream().filter(event -> event.path("type").asString().equals("message_delta"))
                .findFirst().orElseThrow().path("usage");
        assertThat(delta.path("output_tokens").asInt()).isEqualTo(generation.completionTokens() + 40);
    }

    @Test
    void geminiKeepsCachedContentInsideThePromptAndThoughtsOutsideTheCandidates() {
        JsonNode usage = Json.parse(gemini(false).body()).path("usageMetadata");

        assertGeminiUsage(usage, lastGeneration());
    }

    @Test
    void geminiStreamsCumulativeUsageWithTheThoughtsOnTheLastChunk() {
        List<String> data = RawHttp.sseData(gemini(true).body());

        assertGeminiUsage(Json.parse(data.get(data.size() - 1)).path("usageMetadata"), lastGeneration());
    }

    @Test
    void cachedTokensNeverExceedThePromptAndCanBeSetAsAModelRule() {
        mock.faults().set("gpt-4o-mini", "cached-tokens=100000;times=1");

        JsonNode usage = Json.parse(openAi(false, "").body()).path("usage");

        int prompt = usage.path("prompt_tokens").asInt();
        assertThat(usage.path("prompt_tokens_details").path("cached_tokens").asInt()).isEqualTo(prompt);
        assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asInt()).isZero();
        assertThat(lastGeneration().cachedTokens()).isEqualTo(prompt);
    }

    @Test
    void withoutTheKeysNothingIsReportedCachedOrReasoned() {
        JsonNode usage = Json.parse(anthropic(false, "").body()).path("usage");

        assertThat(usage.path("cache_read_input_tokens").asInt()).isZero();
        assertThat(usage.has("output_tokens_details")).isFalse();
        assertThat(usage.path("output_tokens").asInt()).isEqualTo(lastGeneration().completionTokens());
    }

    private static void assertOpenAiUsage(JsonNode usage, Generation generation) {
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(generation.promptTokens());
        assertThat(usage.path("prompt_tokens_details").path("cached_tokens").asInt()).isEqualTo(12);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(generation.completionTokens() + 40);
        assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asInt()).isEqualTo(40);
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(generation.totalTokens());
    }

    private static void assertGeminiUsage(JsonNode usage, Generation generation) {
        assertThat(usage.path("promptTokenCount").asInt()).isEqualTo(generation.promptTokens());
        assertThat(usage.path("cachedContentTokenCount").asInt()).isEqualTo(12);
        assertThat(usage.path("candidatesTokenCount").asInt()).isEqualTo(generation.completionTokens());
        assertThat(usage.path("thoughtsTokenCount").asInt()).isEqualTo(40);
        assertThat(usage.path("totalTokenCount").asInt())
                .isEqualTo(generation.promptTokens() + generation.completionTokens() + 40);
    }

    private static HttpResponse<String> openAi(boolean stream, String fault) {
        String body = """
                {"model":"gpt-4o-mini",%s"messages":[{"role":"user","content":"%s"}]}"""
                .formatted(stream ? "\"stream\":true,\"stream_options\":{\"include_usage\":true}," : "", PROMPT);
        HttpResponse<String> response = fault.isEmpty() ? mock.postAsOpenAi("/v1/chat/completions", body)
                : mock.postAsOpenAi("/v1/chat/completions", body, "x-mock-fault", fault);
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static HttpResponse<String> anthropic(boolean stream) {
        return anthropic(stream, USAGE);
    }

    private static HttpResponse<String> anthropic(boolean stream, String fault) {
        String body = """
                {"model":"claude-sonnet-4-5","max_tokens":200,"stream":%s,
                 "messages":[{"role":"user","content":"%s"}]}""".formatted(stream, PROMPT);
        List<String> headers = new java.util.ArrayList<>(List.of("x-api-key", MockProviderSettings.DEFAULT_ANTHROPIC_KEY,
                "anthropic-version", "2023-06-01", "content-type", "application/json"));
        if (!fault.isEmpty()) {
            headers.addAll(List.of("x-mock-fault", fault));
        }
        HttpResponse<String> response = RawHttp.post(mock.baseUrl() + "/v1/messages", body,
                headers.toArray(String[]::new));
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static HttpResponse<String> gemini(boolean stream) {
        String url = mock.baseUrl() + "/v1beta/models/gemini-2.5-flash:"
                + (stream ? "streamGenerateContent?alt=sse" : "generateContent");
        HttpResponse<String> response = RawHttp.post(url, """
                        {"contents":[{"role":"user","parts":[{"text":"%s"}]}]}""".formatted(PROMPT),
                "x-goog-api-key", MockProviderSettings.DEFAULT_GEMINI_KEY, "x-mock-fault", USAGE);
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static Generation lastGeneration() {
        List<Generation> generations = mock.ledger().generations();
        return generations.get(generations.size() - 1);
    }
}
