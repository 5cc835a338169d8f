package dev.switchboard.edge.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenAiRequestWriterTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final OpenAiRequestWriter writer = new OpenAiRequestWriter(json);

    private JsonNode write(String body, String upstreamModel, boolean stream) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return json.readTree(writer.write((ObjectNode) json.readTree(bytes), upstreamModel, stream));
    }

    @Test
    void setsTheProvidersModelName() {
        assertThat(write("{\"model\":\"fast\",\"messages\":[]}", "gpt-4o-mini", false).path("model").asString())
                .isEqualTo("gpt-4o-mini");
    }

    @Test
    void asksForTheUsageChunkOnEveryStream() {
        JsonNode sent = write("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_obfuscation\":false}}",
                "m", true);

        assertThat(sent.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(sent.path("stream_options").path("include_obfuscation").isBoolean()).isTrue();
    }

    @Test
    void overridesAClientsRefusalOfTheUsageChunk() {
        JsonNode sent = write("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":false}}", "m", true);

        assertThat(sent.path("stream_options").path("include_usage").asBoolean()).isTrue();
    }
}
