package dev.switchboard.edge.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.provider.EmbeddingsRequest;
import dev.switchboard.edge.provider.UpstreamRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenAiCompatibleAdapterTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final RouteCandidate ollamaServer = OpenAiFixtures.candidate("ollama", "http://localhost:11434/v1", "llama3.2");

    private ChatRequest request(String body) {
        return ChatRequest.from((ObjectNode) json.readTree(body));
    }

    private JsonNode sentToOllama(String body) {
        UpstreamRequest call = OpenAiCompatibleAdapter.ollama(json).chat(request(body), ollamaServer, null);
        assertThat(call.url()).isEqualTo("http://localhost:11434/v1/chat/completions");
        assertThat(call.headers()).doesNotContainKey("authorization");
        return json.readTree(call.body());
    }

    @Test
    void rewritesWhatOllamaReadsDifferently() {
        JsonNode sent = sentToOllama("""
                {"model":"local","max_completion_tokens":64,"messages":[{"role":"developer","content":"Be brief."},
                 {"role":"user","content":"hi"}]}""");

        assertThat(sent.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(sent.has("max_completion_tokens")).isFalse();
        assertThat(sent.path("messages").get(0).path("role").asString()).isEqualTo("system");
        assertThat(sent.path("model").asString()).isEqualTo("llama3.2");
    }

    @Test
    void refusesWhatOllamaCannotHonourNamingTheField() {
        assertThatThrownBy(() -> sentToOllama("""
                {"model":"l","n":2,"messages":[{"role":"user","content":"hi"}]}"""))
                .isInstanceOf(GatewayException.class).extracting("param").isEqualTo("n");
        assertThatThrownBy(() -> sentToOllama("""
                {"model":"l","tool_choice":"required","tools":[{"type":"function","function":{"name":"f"}}],
                 "messages":[{"role":"user","content":"hi"}]}"""))
                .isInstanceOf(GatewayException.class).extracting("param").isEqualTo("tool_choice");
        assertThatThrownBy(() -> sentToOllama("""
                {"model":"l","messages":[{"role":"user","content":[{"type":"image_url",
                 "image_url":{"url":"https://example.com/cat.png"}}]}]}"""))
                .isInstanceOf(GatewayException.class).hasMessageContaining("data: URLs");
    }

    @Test
    void passesAnAutoToolChoiceAndDataUrlImagesToOllama() {
        JsonNode sent = sentToOllama("""
                {"model":"l","tool_choice":"auto","tools":[{"type":"function","function":{"name":"f"}}],
                 "messages":[{"role":"user","content":[{"type":"image_url",
                 "image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}]}""");

        assertThat(sent.path("tool_choice").asString()).isEqualTo("auto");
    }

    @Test
    void keepsVllmsOwnFieldNames() {
        RouteCandidate vllmServer = OpenAiFixtures.candidate("vllm", "http://gpu-1:8000/v1", "meta-llama/Llama-3.1-8B-Instruct");

        JsonNode sent = json.readTree(OpenAiCompatibleAdapter.vllm(json).chat(request("""
                {"model":"m","max_completion_tokens":10,"n":2,"messages":[{"role":"developer","content":"x"}]}"""),
                vllmServer, "token").body());

        assertThat(sent.path("max_completion_tokens").asInt()).isEqualTo(10);
        assertThat(sent.path("n").asInt()).isEqualTo(2);
        assertThat(sent.path("messages").get(0).path("role").asString()).isEqualTo("developer");
    }

    @Test
    void refusesTokenArrayEmbeddingsOnOllama() {
        EmbeddingsRequest tokens = EmbeddingsRequest.from((ObjectNode) json.readTree("""
                {"model":"e","input":[[1,2,3]]}"""));

        assertThatThrownBy(() -> OpenAiCompatibleAdapter.ollama(json).embeddings(tokens, ollamaServer, null))
                .isInstanceOf(GatewayException.class).extracting("param").isEqualTo("input");
    }

    @Test
    void addressesAzureDeploymentsWithAnApiKeyHeader() {
        RouteCandidate azure = OpenAiFixtures.candidate("azure-openai", "https://acme.openai.azure.com", "gpt4o-prod");

        UpstreamRequest call = new AzureOpenAiAdapter(json, "2024-10-21").chat(request("""
                {"model":"m","messages":[{"role":"user","content":"hi"}]}"""), azure, "azure-key");

        assertThat(call.url()).isEqualTo(
                "https://acme.openai.azure.com/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21");
        assertThat(call.headers()).containsEntry("api-key", "azure-key").doesNotContainKey("authorization");
    }
}
