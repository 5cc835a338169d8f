package dev.switchboard.edge.provider.anthropic;

import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.CANDIDATE;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.JSON;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.EmbeddingsRequest;
import dev.switchboard.edge.provider.UpstreamRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class AnthropicAdapterTests {

    private static final String PLAIN = "{'model':'claude-sonnet','messages':[{'role':'user','content':'hi'}]}";

    private final AnthropicAdapter adapter = new AnthropicAdapter(JSON);

    @Test
    void servesTheAnthropicProviderType() {
        assertThat(adapter.providerType()).isEqualTo("anthropic");
    }

    @Test
    void postsToMessagesUnderTheHostRootWithTheKeyAndApiVersion() {
        UpstreamRequest call = adapter.chat(request(PLAIN), CANDIDATE, "sk-ant-test");

        assertThat(call.url()).isEqualTo("https://api.anthropic.com/v1/messages");
        assertThat(call.headers()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "x-api-key", "sk-ant-test",
                "anthropic-version", "2023-06-01",
                "content-type", "application/json",
                "accept", "application/json"));
        assertThat(new String(call.body(), StandardCharsets.UTF_8)).doesNotContain("sk-ant-test");
    }

    @Test
    void acceptsAnEventStreamWhenStreaming() {
        UpstreamRequest call = adapter.chat(request("{'model':'claude-sonnet','stream':true,"
                + "'messages':[{'role':'user','content':'hi'}]}"), CANDIDATE, "k");

        assertThat(call.headers()).containsEntry("accept", "text/event-stream");
    }

    @Test
    void sendsNoKeyHeaderWhenTheProviderNeedsNoKey() {
        UpstreamRequest call = adapter.chat(request(PLAIN), CANDIDATE, null);

        assertThat(call.headers()).doesNotContainKey("x-api-key").containsKey("anthropic-version");
    }

    @Test
    void refusesEmbeddingsWithABadRequest() {
        EmbeddingsRequest embeddings = EmbeddingsRequest.from((ObjectNode) JSON.readTree(
                "{\"model\":\"claude-sonnet\",\"input\":\"hello\"}"));

        assertThatThrownBy(() -> adapter.embeddings(embeddings, CANDIDATE, "k"))
                .isInstanceOfSatisfying(GatewayException.class, error -> assertThat(error.status()).isEqualTo(400));
    }

    @Test
    void stampsStreamChunksWithTheCurrentEpochSecond() {
        long before = System.currentTimeMillis() / 1000;
        AnthropicStreamTranslator translator = (AnthropicStreamTranslator) adapter.stream(request(
                "{'model':'claude-sonnet','stream':true,'messages':[{'role':'user','content':'hi'}]}"), CANDIDATE);

        String out = AnthropicFixtures.replay(translator, AnthropicFixtures.bytes("stream-text.sse"), 4096, true);

        long created = ((JsonNode) AnthropicFixtures.events(out).get(0)).path("created").asLong();
        assertThat(created).isBetween(before, System.currentTimeMillis() / 1000);
    }
}
