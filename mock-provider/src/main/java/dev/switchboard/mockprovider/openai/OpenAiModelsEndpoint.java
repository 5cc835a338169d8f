package dev.switchboard.mockprovider.openai;

import dev.switchboard.mockprovider.http.Exchange;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.http.Replies;
import dev.switchboard.mockprovider.http.Router;
import dev.switchboard.mockprovider.http.VendorGate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}}. The list is fixed; chat and embeddings accept any model
 * name, so tests are not tied to it.
 */
public final class OpenAiModelsEndpoint implements Router.Handler {

    static final List<String> MODELS = List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "o4-mini",
            "text-embedding-3-small", "text-embedding-3-large");
    private static final long CREATED = 1_715_367_049L;

    private final OpenAiApi api;
    private final VendorGate gate;

    public OpenAiModelsEndpoint(OpenAiApi api, VendorGate gate) {
        this.api = api;
        this.gate = gate;
    }

    @Override
    public Mono<Void> handle(Exchange exchange) {
        String id = exchange.path().startsWith("/v1/models/") ? exchange.pathParam(0) : null;
        return gate.pass(exchange, api, id, call -> {
            if (id == null) {
                ObjectNode list = Json.object();
                list.put("object", "list");
                var data = list.putArray("data");
                MODELS.forEach(model -> data.add(model(model)));
                return Replies.json(exchange, 200, Json.write(list));
            }
            if (!MODELS.contains(id)) {
                return Replies.error(exchange, api.error(404, "The model '" + id + "' does not exist or you do not "
                        + "have access to it.", call.requestId()));
            }
            return Replies.json(exchange, 200, Json.write(model(id)));
        });
    }

    private static ObjectNode model(String id) {
        ObjectNode model = Json.object();
        model.put("id", id);
        model.put("object", "model");
        model.put("created", CREATED);
        model.put("owned_by", id.startsWith("text-") ? "openai-internal" : "system");
        return model;
    }
}
