package dev.switchboard.mockprovider.openai;

import dev.switchboard.mockprovider.MockProviderExtension;
import dev.switchboard.mockprovider.MockProviderSettings;
import dev.switchboard.mockprovider.RawHttp;
import dev.switchboard.mockprovider.http.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenAI's bytes on the wire, checked without an SDK that would forgive deviations. */
class OpenAiWireFormatIntegrationTests {

    private static final String AUTH = "Bearer " + MockProviderSettings.DEFAULT_OPENAI_KEY;

    @RegisterExtension
    static final MockProviderExtension mock = new MockProviderExtension();

    private static HttpResponse<String> chat(String body, String... extraHeaders) {
        List<String> headers = new ArrayList<>(List.of("content-type", "application/json"));
        Collections.addAll(headers, extraHeaders);
        return mock.postAsOpenAi("/v1/chat/completions", body, headers.toArray(String[]::new));
    }

    @Test
    void jsonCompletionHasEveryRequiredField() {
        HttpResponse<String> response = chat("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}""");

        JsonNode body = Json.parse(response.body());
        JsonNode choice = body.get("choices").get(0);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-request-id")).hasValueSatisfying(id -> assertThat(id)
                .startsWith("req_").isEqualTo(mock.ledger().lastGeneration().orElseThrow().vendorRequestId()));
        assertThat(body.get("object").stringValue()).isEqualTo("chat.completion");
        assertThat(body.get("created").isIntegralNumber()).isTrue();
        assertThat(choice.get("logprobs").isNull()).isTrue();
        assertThat(choice.get("message").get("refusal").isNull()).isTrue();
        assertThat(body.get("usage").get("prompt_tokens_details").get("cached_tokens").asInt()).isZero();
        assertThat(body.get("usage").get("completion_tokens_details").get("reasoning_tokens").asInt()).isZero();
    }

    @Test
    void streamSendsRoleChunkContentFinishUsageThenDone() {
        HttpResponse<String> response = chat("""
                {"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},
                 "messages":[{"role":"user","content":"hi"}]}""", "x-mock-answer-tokens", "3");

        List<String> data = RawHttp.sseData(response.body());
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        assertThat(response.body()).doesNotContain("event:");
        assertThat(data).hasSize(7).last().isEqualTo("[DONE]");
        JsonNode role = Json.parse(data.get(0));
        assertThat(role.get("choices").get(0).get("delta").get("role").stringValue()).isEqualTo("assistant");
        for (String content : data.subList(1, 4)) {
            assertThat(Json.parse(content).get("choices").get(0).get("delta").get("content").isString()).isTrue();
        }
        JsonNode finish = Json.parse(data.get(4));
        assertThat(finish.get("choices").get(0).get("finish_reason").stringValue()).isEqualTo("stop");
        JsonNode usage = Json.parse(data.get(5));
        assertThat(usage.get("choices")).isEmpty();
        assertThat(usage.get("usage").get("completion_tokens").asInt()).isEqualTo(3);
        for (String chunk : data.subList(0, 5)) {
            JsonNode node = Json.parse(chunk);
            assertThat(node.get("usage").isNull()).isTrue();
            assertThat(node.get("object").stringValue()).isEqualTo("chat.completion.chunk");
            assertThat(node.get("id").stringValue()).isEqualTo(usage.get("id").stringValue());
        }
    }

    @Test
    void streamWithoutIncludeUsageHasNoUsageAnywhere() {
        HttpResponse<String> response = chat("""
                {"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"hi"}]}""");

        List<String> data = RawHttp.sseData(response.body());
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        for (String chunk : data.subList(0, data.size() - 1)) {
            JsonNode node = Json.parse(chunk);
            assertThat(node.has("usage")).isFalse();
            assertThat(node.get("choices")).hasSize(1);
        }
    }

    @Test
    void missingKeyIs401InOpenAiErrorShape() {
        HttpResponse<String> response = RawHttp.post(mock.baseUrl() + "/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        JsonNode error = Json.parse(response.body()).get("error");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(error.get("type").stringValue()).isEqualTo("invalid_request_error");
        assertThat(error.get("code").stringValue()).isEqualTo("invalid_api_key");
        assertThat(error.get("param").isNull()).isTrue();
        assertThat(error.get("message").stringValue()).isNotBlank();
    }

    @Test
    void invalidRequestsAre400WithTheOffendingParam() {
        HttpResponse<String> notJson = chat("{not json");
        HttpResponse<String> noMessages = chat("{\"model\":\"gpt-4o\"}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Json.parse(notJson.body()).get("error").get("type").stringValue())
                .isEqualTo("invalid_request_error");
        assertThat(noMessages.statusCode()).isEqualTo(400);
        assertThat(Json.parse(noMessages.body()).get("error").get("param").stringValue()).isEqualTo("messages");
    }

    @Test
    void modelsAreListedAndLookedUp() {
        HttpResponse<String> list = RawHttp.get(mock.baseUrl() + "/v1/models", "authorization", AUTH);
        HttpResponse<String> one = RawHttp.get(mock.baseUrl() + "/v1/models/gpt-4o", "authorization", AUTH);
        HttpResponse<String> missing = RawHttp.get(mock.baseUrl() + "/v1/models/gpt-0", "authorization", AUTH);

        assertThat(Json.parse(list.body()).get("object").stringValue()).isEqualTo("list");
        assertThat(Json.parse(list.body()).get("data").get(0).get("object").stringValue()).isEqualTo("model");
        assertThat(Json.parse(one.body()).get("id").stringValue()).isEqualTo("gpt-4o");
        assertThat(Json.parse(one.body()).has("owned_by")).isTrue();
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Json.parse(missing.body()).get("error").get("code").stringValue()).isEqualTo("model_not_found");
    }
}
