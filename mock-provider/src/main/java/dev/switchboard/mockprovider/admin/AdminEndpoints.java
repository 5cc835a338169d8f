package dev.switchboard.mockprovider.admin;

import dev.switchboard.mockprovider.fault.Fault;
import dev.switchboard.mockprovider.fault.FaultRules;
import dev.switchboard.mockprovider.http.Exchange;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.http.Replies;
import dev.switchboard.mockprovider.http.Router;
import dev.switchboard.mockprovider.ledger.MockLedger;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code /_mock} control API, for tests and tools outside the JVM: per-model fault rules, the ledger, health.
 * No credentials: the mock is test infrastructure and binds to loopback by default.
 */
public final class AdminEndpoints {

    private final FaultRules faults;
    private final MockLedger ledger;

    public AdminEndpoints(FaultRules faults, MockLedger ledger) {
        this.faults = faults;
        this.ledger = ledger;
    }

    public void register(Router router) {
        router.add(HttpMethod.PUT, "/_mock/faults/([^/]+)", this::putFault)
                .add(HttpMethod.GET, "/_mock/faults", this::listFaults)
                .add(HttpMethod.DELETE, "/_mock/faults", exchange -> {
                    faults.clear();
                    return Replies.noContent(exchange);
                })
                .add(HttpMethod.DELETE, "/_mock/faults/([^/]+)", exchange -> {
                    faults.clear(exchange.pathParam(0));
                    return Replies.noContent(exchange);
                })
                .add(HttpMethod.GET, "/_mock/ledger", exchange ->
                        Replies.json(exchange, 200, Json.write(LedgerJson.of(ledger))))
                .add(HttpMethod.DELETE, "/_mock/ledger", exchange -> {
                    ledger.clear();
                    return Replies.noContent(exchange);
                })
                .add(HttpMethod.GET, "/_mock/health", exchange ->
                        Replies.json(exchange, 200, "{\"status\":\"UP\"}"));
    }

    /** Body: a JSON object of fault keys ({@code {"status":503,"times":1}}) or the header syntax as plain text. */
    private Mono<Void> putFault(Exchange exchange) {
        String model = exchange.pathParam(0);
        Fault fault;
        try {
            fault = parse(exchange.body());
        } catch (IllegalArgumentException e) {
            return Replies.json(exchange, 400, message(e.getMessage()));
        }
        faults.set(model, fault);
        ObjectNode stored = Json.object();
        stored.put("model", model);
        stored.put("fault", fault.toString());
        return Replies.json(exchange, 200, Json.write(stored));
    }

    private Mono<Void> listFaults(Exchange exchange) {
        ObjectNode rules = Json.object();
        faults.rules().forEach((model, fault) -> rules.put(model, fault.toString()));
        return Replies.json(exchange, 200, Json.write(rules));
    }

    private static Fault parse(String body) {
        String trimmed = body.trim();
        if (!trimmed.startsWith("{")) {
            return Fault.parse(trimmed);
        }
        JsonNode json = Json.parse(trimmed);
        Map<String, String> pairs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            JsonNode value = field.getValue();
            pairs.put(field.getKey(), value.isString() ? value.stringValue() : value.toString());
        }
        return Fault.fromMap(pairs);
    }

    private static String message(String text) {
        ObjectNode error = Json.object();
        error.putObject("error").put("message", text);
        return Json.write(error);
    }
}
