package dev.switchboard.mockprovider.openai;

import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.switchboard.mockprovider.MockProviderExtension;
import dev.switchboard.mockprovider.answer.TokenCounter;
import dev.switchboard.mockprovider.http.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OpenAiEmbeddingsIntegrationTests {

    @RegisterExtension
    static final MockProviderExtension mock = new MockProviderExtension();

    private static JsonNode embed(String body) {
        return Json.parse(mock.postAsOpenAi("/v1/embeddings", body).body());
    }

    @Test
    void base64EncodingDecodesToTheFloatVector() {
        JsonNode floats = embed("{\"model\":\"text-embedding-3-small\",\"input\":\"the cat sat\"}");
        JsonNode base64 = embed("{\"model\":\"text-embedding-3-small\",\"input\":\"the cat sat\","
                + "\"encoding_format\":\"base64\"}");

        List<Float> expected = new ArrayList<>();
        floats.get("data").get(0).get("embedding").forEach(v -> expected.add(v.floatValue()));
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(
                base64.get("data").get(0).get("embedding").stringValue())).order(ByteOrder.LITTLE_ENDIAN);
        List<Float> decoded = new ArrayList<>();
        while (bytes.hasRemaining()) {
            decoded.add(bytes.getFloat());
        }
        assertThat(decoded).hasSize(16).isEqualTo(expected);
    }

    @Test
    void vectorsAreDeterministicUnitLengthAndHonorDimensions() {
        JsonNode first = embed("{\"model\":\"m\",\"input\":\"alpha\",\"dimensions\":8}");
        JsonNode again = embed("{\"model\":\"m\",\"input\":\"alpha\",\"dimensions\":8}");
        JsonNode other = embed("{\"model\":\"m\",\"input\":\"beta\",\"dimensions\":8}");

        JsonNode vector = first.get("data").get(0).get("embedding");
        double norm = 0;
        for (JsonNode value : vector) {
            norm += value.doubleValue() * value.doubleValue();
        }
        assertThat(vector).hasSize(8);
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-5));
        assertThat(again.get("data")).isEqualTo(first.get("data"));
        assertThat(other.get("data")).isNotEqualTo(first.get("data"));
    }

    @Test
    void arrayInputGetsOneIndexedItemEachAndSummedUsage() {
        JsonNode response = embed("{\"model\":\"m\",\"input\":[\"first text\",\"second, longer text\"]}");

        int expected = TokenCounter.count("first text") + TokenCounter.count("second, longer text");
        assertThat(response.get("object").stringValue()).isEqualTo("list");
        assertThat(response.get("data")).hasSize(2);
        assertThat(response.get("data").get(1).get("index").asInt()).isEqualTo(1);
        assertThat(response.get("data").get(1).get("object").stringValue()).isEqualTo("embedding");
        assertThat(response.get("usage").get("prompt_tokens").asInt()).isEqualTo(expected);
        assertThat(response.get("usage").get("total_tokens").asInt()).isEqualTo(expected);
        assertThat(mock.ledger().lastGeneration().orElseThrow().promptTokens()).isEqualTo(expected);
    }

    @Test
    void tokenIdInputCountsOneTokenPerId() {
        JsonNode response = embed("{\"model\":\"m\",\"input\":[1,2,3,4,5]}");

        assertThat(response.get("usage").get("prompt_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void officialSdkGetsTheSameVectorWithEitherEncoding() {
        EmbeddingCreateParams.Builder params = EmbeddingCreateParams.builder()
                .model("text-embedding-3-small").input("hello embeddings").dimensions(12);
        CreateEmbeddingResponse asFloats = mock.openAi().embeddings()
                .create(params.encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT).build());
        CreateEmbeddingResponse asBase64 = mock.openAi().embeddings()
                .create(params.encodingFormat(EmbeddingCreateParams.EncodingFormat.BASE64).build());

        assertThat(asFloats.data().get(0).embedding()).hasSize(12).isEqualTo(asBase64.data().get(0).embedding());
        assertThat(asFloats.usage().promptTokens()).isEqualTo(TokenCounter.count("hello embeddings"));
    }
}
