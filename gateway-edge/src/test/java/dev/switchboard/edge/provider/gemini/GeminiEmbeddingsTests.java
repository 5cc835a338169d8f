package dev.switchboard.edge.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.EmbeddingVectors;
import dev.switchboard.edge.provider.EmbeddingsRequest;
import dev.switchboard.edge.provider.TranslatedResponse;
import dev.switchboard.edge.provider.UpstreamRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class GeminiEmbeddingsTests {

    private static final RouteCandidate ROUTE = GeminiFixtures.route("gemini-embedding-001");
    private static final String TWO_TEXTS = "\"input\":[\"What is the meaning of life?\","
            + "\"How much wood would a woodchuck chuck?\"]";

    private final GeminiAdapter adapter = new GeminiAdapter(GeminiFixtures.JSON);

    private static EmbeddingsRequest request(String body) {
        return EmbeddingsRequest.from((ObjectNode) GeminiFixtures.JSON.readTree(body));
    }

    private TranslatedResponse response(String encoding) {
        return adapter.embeddingsResponse(GeminiFixtures.bytes("batch-embed-contents-response.json"),
                request("{\"model\":\"embed\"," + TWO_TEXTS + ",\"encoding_format\":\"" + encoding + "\"}"), ROUTE);
    }

    /** The fixture's values as float32, parsed straight from their decimal text. */
    private static float[] recorded(int index) {
        JsonNode values = GeminiFixtures.json("batch-embed-contents-response.json").path("embeddings").get(index)
                .path("values");
        String text = new String(GeminiFixtures.bytes("batch-embed-contents-response.json"), StandardCharsets.UTF_8);
        float[] vector = new float[values.size()];
        String[] numbers = text.split("\"values\": \\[")[index + 1].split("]")[0].split(",");
        for (int i = 0; i < vector.length; i++) {
            vector[i] = Float.parseFloat(numbers[i].trim());
        }
        return vector;
    }

    @Test
    void postsOneEmbedRequestPerTextToBatchEmbedContents() {
        UpstreamRequest upstream = adapter.embeddings(request("{\"model\":\"embed\"," + TWO_TEXTS
                + ",\"dimensions\":8,\"user\":\"u-1\"}"), ROUTE, "key");

        assertThat(upstream.url()).isEqualTo("https://generativelanguage.googleapis.com/v1beta/models/"
                + "gemini-embedding-001:batchEmbedContents");
        assertThat(upstream.headers()).containsEntry("x-goog-api-key", "key");
        assertThat(GeminiFixtures.json(upstream.body()))
                .isEqualTo(GeminiFixtures.json("batch-embed-contents-request.json"));
    }

    @Test
    void leavesOutputDimensionalityOutWhenNotAsked() {
        UpstreamRequest upstream = adapter.embeddings(request("{\"model\":\"embed\",\"input\":\"hi\"}"), ROUTE, "k");

        assertThat(GeminiFixtures.json(upstream.body()).path("requests").get(0).has("outputDimensionality")).isFalse();
    }

    @Test
    void refusesTokenArrays() {
        assertThatThrownBy(() -> adapter.embeddings(request("{\"model\":\"embed\",\"input\":[[1,2,3]]}"), ROUTE, "k"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.param()).isEqualTo("input");
                });
    }

    @Test
    void refusesMoreInputsThanOneGeminiBatchHolds() {
        String inputs = "\"x\",".repeat(GeminiEmbeddings.MAX_INPUTS) + "\"x\"";

        assertThatThrownBy(() -> adapter.embeddings(request("{\"model\":\"embed\",\"input\":[" + inputs + "]}"),
                ROUTE, "k")).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.param()).isEqualTo("input"));
    }

    @Test
    void floatsAreTheRecordedFloat32Values() {
        TranslatedResponse response = response("float");
        JsonNode list = GeminiFixtures.json(response.body());

        assertThat(list.path("object").stringValue()).isEqualTo("list");
        assertThat(list.path("model").stringValue()).isEqualTo("gemini-embedding-001");
        assertThat(list.path("usage").path("prompt_tokens").asInt()).isZero();
        assertThat(list.path("usage").path("total_tokens").asInt()).isZero();
        assertThat(response.usage()).isNull();
        assertThat(list.path("data")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode item = list.path("data").get(i);
            assertThat(item.path("object").stringValue()).isEqualTo("embedding");
            assertThat(item.path("index").asInt()).isEqualTo(i);
            float[] expected = recorded(i);
            float[] actual = new float[item.path("embedding").size()];
            for (int j = 0; j < actual.length; j++) {
                actual[j] = Float.parseFloat(item.path("embedding").get(j).asString());
            }
            assertThat(actual).containsExactly(expected);
        }
    }

    @Test
    void base64CarriesTheRecordedFloat32ValuesBitForBit() {
        JsonNode data = GeminiFixtures.json(response("base64").body()).path("data");

        for (int i = 0; i < 2; i++) {
            float[] decoded = EmbeddingVectors.fromBase64(data.get(i).path("embedding").stringValue());
            float[] expected = recorded(i);
            assertThat(decoded).hasSize(expected.length);
            for (int j = 0; j < expected.length; j++) {
                assertThat(Float.floatToRawIntBits(decoded[j])).isEqualTo(Float.floatToRawIntBits(expected[j]));
            }
        }
    }

    @Test
    void aResponseWithTheWrongNumberOfEmbeddingsIsAServerError() {
        byte[] one = "{\"embeddings\":[{\"values\":[0.5]}]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> adapter.embeddingsResponse(one, request("{\"model\":\"embed\"," + TWO_TEXTS + "}"),
                ROUTE)).isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.status()).isEqualTo(500));
    }

    @Test
    void anUnreadableResponseIsAServerError() {
        byte[] broken = "{\"embeddings\":[{\"values\":[0.5,\"x\"]}]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> adapter.embeddingsResponse(broken, request("{\"model\":\"embed\",\"input\":\"a\"}"),
                ROUTE)).isInstanceOf(GatewayException.class);
    }
}
