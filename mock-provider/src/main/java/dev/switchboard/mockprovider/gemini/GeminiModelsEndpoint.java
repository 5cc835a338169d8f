package dev.switchboard.mockprovider.gemini;

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

/** {@code GET /v1beta/models} and {@code GET /v1beta/models/{model}}; generation accepts any model name. */
public final class GeminiModelsEndpoint implements Router.Handler {

    private static final Map<String, String> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("gemini-2.5-flash", "Gemini 2.5 Flash");
        MODELS.put("gemini-2.5-pro", "Gemini 2.5 Pro");
        MODELS.put("gemini-2.0-flash", "Gemini 2.0 Flash");
    }

    private final GeminiApi api;
    private final VendorGate gate;

    public GeminiModelsEndpoint(GeminiApi api, VendorGate gate) {
        this.api = api;
        this.gate = gate;
    }

    @Override
    public Mono<Void> handle(Exchange exchange) {
        String id = exchange.path().startsWith("/v1beta/models/") ? exchange.pathParam(0) : null;
        return gate.pass(exchange, api, id, call -> {
            if (id == null) {
                ObjectNode list = Json.object();
                ArrayNode models = list.putArray("models");
                MODELS.keySet().forEach(model -> models.add(model(model)));
                return Replies.json(exchange, 200, GeminiResponseFormat.JSON, Json.write(list));
            }
            if (!MODELS.containsKey(id)) {
                return Replies.error(exchange, api.error(404, "models/" + id + " is not found for API version "
                        + "v1beta, or is not supported for generateContent.", call.requestId()));
            }
            return Replies.json(exchange, 200, GeminiResponseFormat.JSON, Json.write(model(id)));
        });
    }

    private static ObjectNode model(String id) {
        ObjectNode model = Json.object();
        model.put("name", "models/" + id);
        model.put("version", "001");
        model.put("displayName", MODELS.get(id));
        model.put("inputTokenLimit", 1_048_576);
        model.put("outputTokenLimit", 65_536);
        model.putArray("supportedGenerationMethods").add("generateContent").add("countTokens");
        return model;
    }
}
