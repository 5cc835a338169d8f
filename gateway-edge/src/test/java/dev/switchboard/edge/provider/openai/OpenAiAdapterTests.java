package dev.switchboard.edge.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.provider.ChatStreamTranslator;
import dev.switchboard.edge.provider.TokenUsage;
import dev.switchboard.edge.provider.TranslatedResponse;
import dev.switchboard.edge.provider.UpstreamRequest;
import dev.switchboard.edge.streaming.SseRelay;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenAiAdapterTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final OpenAiAdapter adapter = new OpenAiAdapter(json);
    private final RouteCandidate candidate = OpenAiFixtures.candidate("openai", "https://api.openai.com/v1", "gpt-4o-mini");

    private ChatRequest request(String body) {
        return ChatRequest.from((ObjectNode) json.readTree(body));
    }

    @Test
    void addressesChatCompletionsWithABearerCredential() {
        UpstreamRequest call = adapter.chat(request("""
                {"model":"fast","messages":[{"role":"user","content":"hi"}],"stream":true}"""), candidate, "sk-test");

        assertThat(call.url()).isEqualTo("https://api.openai.com/v1/chat/completions");
        assertThat(call.headers()).containsEntry("authorization", "Bearer sk-test")
                .containsEntry("accept", "text/event-stream");
        JsonNode sent = json.readTree(call.body());
        assertThat(sent.path("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(sent.path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void sendsNoCredentialHeaderWithoutAKey() {
        UpstreamRequest call = adapter.chat(request("""
                {"model":"m","messages":[{"role":"user","content":"hi"}]}"""), candidate, null);

        assertThat(call.headers()).doesNotContainKey("authorization");
    }

    @Test
    void readsUsageOfAToolCallCompletionIncludingCachedAndReasoningTokens() {
        byte[] body = OpenAiFixtures.bytes("completion-tool-calls.json");

        TranslatedResponse translated = adapter.completion(body, request("""
                {"model":"m","messages":[{"role":"user","content":"weather?"}]}"""), candidate);

        assertThat(translated.body()).isSameAs(body);
        assertThat(translated.usage()).isEqualTo(new TokenUsage(82, 64, 17, 5, false));
    }

    @Test
    void relaysAToolCallStreamByteForByteAndKeepsItsUsage() {
        byte[] stream = OpenAiFixtures.bytes("stream-tool-calls.sse");
        ChatStreamTranslator translator = adapter.stream(request("""
                {"model":"m","messages":[{"role":"user","content":"weather?"}],"stream":true,
                 "stream_options":{"include_usage":true}}"""), candidate);

        String relayed = relayInPieces(translator, stream, 7);

        assertThat(relayed).isEqualTo(new String(stream, StandardCharsets.UTF_8));
        assertThat(translator.usage()).isEqualTo(new TokenUsage(82, 0, 17, 0, false));
        assertThat(translator.errorType()).isNull();
    }

    @Test
    void dropsTheUsageChunkWhenTheClientDidNotAskForIt() {
        ChatStreamTranslator translator = adapter.stream(request("""
                {"model":"m","messages":[{"role":"user","content":"weather?"}],"stream":true}"""), candidate);

        String relayed = relayInPieces(translator, OpenAiFixtures.bytes("stream-tool-calls.sse"), 64);

        assertThat(relayed).doesNotContain("\"choices\":[]").endsWith("data: [DONE]\n\n");
        assertThat(translator.usage().outputTokens()).isEqualTo(17);
    }

    @Test
    void mapsProviderErrorsToTheTaxonomy() {
        DefaultHttpHeaders retry = new DefaultHttpHeaders();
        retry.set("retry-after", "3");

        GatewayException context = adapter.error(400, new DefaultHttpHeaders(), OpenAiFixtures.bytes("error-context-length.json"));
        GatewayException limited = adapter.error(429, retry, OpenAiFixtures.bytes("error-rate-limit.json"));
        GatewayException vllm = adapter.error(404, new DefaultHttpHeaders(), OpenAiFixtures.bytes("error-vllm.json"));
        GatewayException flat = adapter.error(400, new DefaultHttpHeaders(), OpenAiFixtures.bytes("error-vllm-flat.json"));
        GatewayException ollama = adapter.error(404, new DefaultHttpHeaders(), OpenAiFixtures.bytes("error-ollama.json"));
        GatewayException html = adapter.error(502, new DefaultHttpHeaders(), "<html>Bad gateway</html>".getBytes());

        assertThat(context.code()).isEqualTo("context_length_exceeded");
        assertThat(context.status()).isEqualTo(400);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.retryAfterSeconds()).isEqualTo(3);
        assertThat(limited.getMessage()).startsWith("Rate limit reached");
        assertThat(vllm.status()).isEqualTo(404);
        assertThat(vllm.getMessage()).contains("does not exist");
        assertThat(flat.getMessage()).isEqualTo("max_tokens must be at least 1, got 0.");
        assertThat(ollama.getMessage()).contains("not found");
        assertThat(html.status()).isEqualTo(500);
        assertThat(html.type()).isEqualTo("server_error");
    }

    @Test
    void neverRepeatsTheProvidersTextOnAnAuthenticationFailure() {
        GatewayException refused = adapter.error(401, new DefaultHttpHeaders(), OpenAiFixtures.bytes("error-invalid-key.json"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.getMessage()).doesNotContain("sk-").doesNotContain("abcd");
    }

    @Test
    void rebuildsEmbeddingsFromTheValidatedFieldsOnly() {
        dev.switchboard.edge.provider.EmbeddingsRequest embeddings = dev.switchboard.edge.provider.EmbeddingsRequest
                .from((ObjectNode) json.readTree("""
                        {"model":"embed","input":["a","b"],"encoding_format":"base64","dimensions":256}"""));

        UpstreamRequest call = adapter.embeddings(embeddings, candidate, "sk-test");

        assertThat(call.url()).isEqualTo("https://api.openai.com/v1/embeddings");
        assertThat(json.readTree(call.body())).isEqualTo(json.readTree("""
                {"model":"gpt-4o-mini","input":["a","b"],"encoding_format":"base64","dimensions":256}"""));
    }

    /** Feeds the stream in reads of {@code size} bytes, cutting events anywhere, as the network would. */
    static String relayInPieces(ChatStreamTranslator translator, byte[] stream, int size) {
        SseRelay relay = new SseRelay(translator);
        StringBuilder out = new StringBuilder();
        for (int from = 0; from < stream.length; from += size) {
            ByteBuf read = Unpooled.wrappedBuffer(stream, from, Math.min(size, stream.length - from));
            ByteBuf relayed = relay.relay(read);
            out.append(relayed.toString(StandardCharsets.UTF_8));
            relayed.release();
        }
        ByteBuf end = Unpooled.buffer();
        translator.end(end);
        out.append(end.toString(StandardCharsets.UTF_8));
        end.release();
        return out.toString();
    }
}
