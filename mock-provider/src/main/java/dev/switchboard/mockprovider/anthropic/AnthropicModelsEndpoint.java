package dev.switchboard.mockprovider.anthropic;

import dev.switchboard.mockprovider.http.Exchange;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.http.Replies;
import dev.switchboard.mockprovider.http.Router;
import dev.switchboard.mockprovider.http.VendorGate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}} in Anthropic's shape. OpenAI uses the same paths, so the
 * mock sends a request here when it carries {@code anthropic-version} or {@code x-api-key}.
 */
public final class AnthropicModelsEndpoint implements Router.Handler {

    private static final Map<String, String> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("claude-sonnet-4-5", "Claude Sonnet 4.5");
        MODELS.put("claude-haiku-4-5", "Claude Haiku 4.5");
        MODELS.put("claude-opus-4-1", "Claude Opus 4.1");
    }

    private final AnthropicApi api;
    private final VendorGate gate;

    public AnthropicModelsEndpoint(AnthropicApi api, VendorGate gate) {
        this.api = api;
        this.gate = gate;
    }

    /** Whether a {@code /v1/models} request speaks Anthropic's dialect. */
    public static boolean claims(Exchange exchange) {
        return exchange.header("anthropic-version") != null || exchange.header("x-api-key") != null;
    }

    @Override
    public Mono<Void> handle(Exchange exchange) {
        String id = exchange.path().startsWith("/v1/models/") ? exchange.pathParam(0) : null;
        return gate.pass(exchange, api, id, call -> {
            if (id == null) {
                ObjectNode page = Json.object();
                ArrayNode data = page.putArray("data");
                MODELS.keySet().forEach(model -> data.add(model(model)));
                page.put("has_more", false);
                page.put("first_id", MODELS.keySet().iterator().next());
                page.put("last_id", data.get(data.size() - 1).get("id").stringValue());
                return Replies.json(exchange, 200, Json.write(page));
            }
            if (!MODELS.containsKey(id)) {
                return Replies.error(exchange, api.error(404, "model: " + id, call.requestId()));
            }
            return Replies.json(exchange, 200, Json.write(model(id)));
        });
    }

    private static ObjectNode model(String id) {
        ObjectNode model = Json.object();
        model.put("type", "model");
        model.put("id", id);
        model.put("display_name", MODELS.get(id));
        model.put("created_at", "2025-09-29T00:00:00Z");
        return model;
    }
}
