package dev.switchboard.mockprovider.gemini;

import dev.switchboard.mockprovider.MockProviderExtension;
import dev.switchboard.mockprovider.MockProviderSettings;
import dev.switchboard.mockprovider.RawHttp;
import dev.switchboard.mockprovider.answer.TokenCounter;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.ledger.Generation;
import dev.switchboard.mockprovider.ledger.Vendor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Gemini's embedContent and batchEmbedContents through plain java.net.http, as the gateway's adapter calls them. */
class GeminiEmbeddingsIntegrationTests {

    private static final String KEY = MockProviderSettings.DEFAULT_GEMINI_KEY;
    private static final String MODEL = "gemini-embedding-001";
    private static final String TWO_TEXTS = """
            {"requests":[
              {"model":"models/gemini-embedding-001","content":{"parts":[{"text":"What is the meaning of life?"}]},
               "taskType":"RETRIEVAL_QUERY","outputDimensionality":8},
              {"model":"models/gemini-embedding-001","content":{"parts":[{"text":"How much wood"},{"text":" would a woodchuck chuck?"}]},
               "outputDimensionality":8}]}""";

    @RegisterExtension
    static final MockProviderExtension mock = new MockProviderExtension();

    private static String url(String method) {
        return mock.baseUrl() + "/v1beta/models/" + MODEL + ":" + method;
    }

    private static HttpResponse<String> batch(String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "x-goog-api-key";
        all[1] = KEY;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return RawHttp.post(url("batchEmbedContents"), body, all);
    }

    private static double norm(JsonNode values) {
        double sum = 0;
        for (JsonNode value : values) {
            sum += value.doubleValue() * value.doubleValue();
        }
        return Math.sqrt(sum);
    }

    @Test
    void batchAnswersOneUnitVectorPerRequestInOrderAndTheLedgerCountsTheirTokens() {
        HttpResponse<String> response = batch(TWO_TEXTS);

        JsonNode body = Json.parse(response.body());
        JsonNode embeddings = body.get("embeddings");
        Generation generation = mock.ledger().lastGeneration().orElseThrow();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(body.properties()).hasSize(1);
        assertThat(embeddings).hasSize(2);
        assertThat(embeddings.get(0).get("values")).hasSize(8);
        assertThat(norm(embeddings.get(1).get("values"))).isCloseTo(1.0, within(1e-5));
        assertThat(embeddings.get(0)).isNotEqualTo(embeddings.get(1));
        assertThat(generation.vendor()).isEqualTo(Vendor.GEMINI);
        assertThat(generation.endpoint()).isEqualTo("/v1beta/models/" + MODEL + ":batchEmbedContents");
        assertThat(generation.model()).isEqualTo(MODEL);
        assertThat(generation.promptTokens()).isEqualTo(TokenCounter.count("What is the meaning of life?")
                + TokenCounter.count("How much wood would a woodchuck chuck?"));
        assertThat(generation.completionTokens()).isZero();
    }

    @Test
    void embedContentGivesTheSameVectorAsTheBatchForTheSameText() {
        HttpResponse<String> single = RawHttp.post(url("embedContent") + "?key=" + KEY, """
                {"content":{"parts":[{"text":"What is the meaning of life?"}]},"outputDimensionality":8}""");
        JsonNode batch = Json.parse(batch(TWO_TEXTS).body());

        JsonNode embedding = Json.parse(single.body()).get("embedding");
        assertThat(single.statusCode()).isEqualTo(200);
        assertThat(embedding.get("values")).isEqualTo(batch.get("embeddings").get(0).get("values"));
    }

    @Test
    void withoutOutputDimensionalityVectorsHaveTheMockDefaultSize() {
        HttpResponse<String> response = RawHttp.post(url("embedContent"), """
                {"model":"models/gemini-embedding-001","content":{"parts":[{"text":"hello"}]}}""",
                "x-goog-api-key", KEY);

        assertThat(Json.parse(response.body()).get("embedding").get("values")).hasSize(16);
    }

    @Test
    void aBatchItemForAnotherModelIsInvalidArgument() {
        HttpResponse<String> response = batch("""
                {"requests":[{"model":"models/text-embedding-004","content":{"parts":[{"text":"x"}]}}]}""");

        JsonNode error = Json.parse(response.body()).get("error");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error.get("status").stringValue()).isEqualTo("INVALID_ARGUMENT");
        assertThat(error.get("message").stringValue()).contains("requests[0].model");
    }

    @Test
    void moreThanOneHundredRequestsAreRefusedAsGeminiDoes() {
        String item = "{\"model\":\"models/gemini-embedding-001\",\"content\":{\"parts\":[{\"text\":\"x\"}]}}";
        String body = "{\"requests\":[" + (item + ",").repeat(100) + item + "]}";

        HttpResponse<String> response = batch(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).get("error").get("message").stringValue())
                .contains("at most 100 requests can be in one batch");
        assertThat(mock.ledger().generations()).isEmpty();
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        HttpResponse<String> response = batch("""
                {"requests":[{"model":"models/gemini-embedding-001","content":{"parts":[{"text":"x"}]},
                  "dimensions":8}]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).get("error").get("message").stringValue())
                .contains("Unknown name \"dimensions\" at 'requests[0]'");
    }

    @Test
    void wrongKeyIs400WithApiKeyInvalidReason() {
        HttpResponse<String> response = RawHttp.post(url("batchEmbedContents"), TWO_TEXTS, "x-goog-api-key", "wrong");

        JsonNode error = Json.parse(response.body()).get("error");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error.get("details").get(0).get("reason").stringValue()).isEqualTo("API_KEY_INVALID");
        assertThat(mock.ledger().generations()).isEmpty();
    }

    @Test
    void missingKeyIs403PermissionDenied() {
        HttpResponse<String> response = RawHttp.post(url("embedContent"), "{\"content\":{\"parts\":[{\"text\":\"x\"}]}}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Json.parse(response.body()).get("error").get("status").stringValue())
                .isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void injectedRateLimitIsResourceExhaustedWithRetryAfter() {
        HttpResponse<String> response = batch(TWO_TEXTS, "x-mock-fault", "status=429;retry-after=3");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("3");
        assertThat(Json.parse(response.body()).get("error").get("status").stringValue())
                .isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(mock.ledger().generations()).isEmpty();
    }

    @Test
    void aModelFaultRuleAppliesToEmbeddingsToo() {
        mock.faults().set(MODEL, "status=503;times=1");

        HttpResponse<String> failed = batch(TWO_TEXTS);
        HttpResponse<String> retried = batch(TWO_TEXTS);

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(Json.parse(failed.body()).get("error").get("status").stringValue()).isEqualTo("UNAVAILABLE");
        assertThat(retried.statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotJsonIsInvalidArgument() {
        HttpResponse<String> response = batch("not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).get("error").get("message").stringValue())
                .isEqualTo("Invalid JSON payload received.");
    }
}
