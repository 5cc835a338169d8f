package dev.switchboard.mockprovider;

import dev.switchboard.mockprovider.admin.AdminEndpoints;
import dev.switchboard.mockprovider.anthropic.AnthropicApi;
import dev.switchboard.mockprovider.anthropic.AnthropicMessagesEndpoint;
import dev.switchboard.mockprovider.anthropic.AnthropicModelsEndpoint;
import dev.switchboard.mockprovider.fault.FaultRules;
import dev.switchboard.mockprovider.gemini.GeminiApi;
import dev.switchboard.mockprovider.gemini.GeminiEmbedEndpoint;
import dev.switchboard.mockprovider.gemini.GeminiGenerateEndpoint;
import dev.switchboard.mockprovider.gemini.GeminiModelsEndpoint;
import dev.switchboard.mockprovider.generation.GenerationSteps;
import dev.switchboard.mockprovider.http.Exchange;
import dev.switchboard.mockprovider.http.Router;
import dev.switchboard.mockprovider.http.VendorGate;
import dev.switchboard.mockprovider.ledger.MockLedger;
import dev.switchboard.mockprovider.ledger.ReceivedRequest;
import dev.switchboard.mockprovider.openai.OpenAiApi;
import dev.switchboard.mockprovider.openai.OpenAiChatEndpoint;
import dev.switchboard.mockprovider.openai.OpenAiEmbeddingsEndpoint;
import dev.switchboard.mockprovider.openai.OpenAiModelsEndpoint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;

/** Wires every endpoint to its path; the one place that lists what the mock serves. */
final class MockRoutes {

    private MockRoutes() {
    }

    static Router create(MockProviderSettings settings, MockLedger ledger, FaultRules faults) {
        Router router = new Router(exchange -> ledger.record(received(exchange)));
        VendorGate gate = new VendorGate(faults);
        GenerationSteps steps = new GenerationSteps(gate, ledger);

        OpenAiApi openAi = new OpenAiApi(settings.openAiKey());
        AnthropicApi anthropic = new AnthropicApi(settings.anthropicKey());
        GeminiApi gemini = new GeminiApi(settings.geminiKey());

        OpenAiModelsEndpoint openAiModels = new OpenAiModelsEndpoint(openAi, gate);
        AnthropicModelsEndpoint anthropicModels = new AnthropicModelsEndpoint(anthropic, gate);
        // both vendors serve /v1/models; Anthropic clients identify themselves with their headers
        Router.Handler models = exchange -> AnthropicModelsEndpoint.claims(exchange)
                ? anthropicModels.handle(exchange) : openAiModels.handle(exchange);
        GeminiModelsEndpoint geminiModels = new GeminiModelsEndpoint(gemini, gate);

        router.add(POST, "/v1/chat/completions", new OpenAiChatEndpoint(openAi, steps))
                .add(POST, "/v1/embeddings", new OpenAiEmbeddingsEndpoint(openAi, steps))
                .add(GET, "/v1/models", models)
                .add(GET, "/v1/models/([^/]+)", models)
                .add(POST, "/v1/messages", new AnthropicMessagesEndpoint(anthropic, steps))
                .add(POST, "/v1beta/models/([^/:]+):generateContent",
                        new GeminiGenerateEndpoint(gemini, steps, false))
                .add(POST, "/v1beta/models/([^/:]+):streamGenerateContent",
                        new GeminiGenerateEndpoint(gemini, steps, true))
                .add(POST, "/v1beta/models/([^/:]+):embedContent", new GeminiEmbedEndpoint(gemini, steps, false))
                .add(POST, "/v1beta/models/([^/:]+):batchEmbedContents", new GeminiEmbedEndpoint(gemini, steps, true))
                .add(GET, "/v1beta/models", geminiModels)
                .add(GET, "/v1beta/models/([^/:]+)", geminiModels);
        new AdminEndpoints(faults, ledger).register(router);
        return router;
    }

    private static ReceivedRequest received(Exchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.request().requestHeaders().forEach(header -> headers.merge(
                header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b));
        return new ReceivedRequest(Instant.now(), exchange.request().method().name(), exchange.request().uri(),
                headers, exchange.body(), exchange.correlationId());
    }
}
