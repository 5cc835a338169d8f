package dev.switchboard.mockprovider.admin;

import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.ledger.Generation;
import dev.switchboard.mockprovider.ledger.MockLedger;
import dev.switchboard.mockprovider.ledger.ReceivedRequest;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The ledger as JSON for {@code GET /_mock/ledger}; field names match the Java records. */
final class LedgerJson {

    private LedgerJson() {
    }

    static ObjectNode of(MockLedger ledger) {
        ObjectNode root = Json.object();
        ArrayNode received = root.putArray("received");
        for (ReceivedRequest request : ledger.received()) {
            ObjectNode node = received.addObject();
            node.put("receivedAt", request.receivedAt().toString());
            node.put("method", request.method());
            node.put("uri", request.uri());
            ObjectNode headers = node.putObject("headers");
            request.headers().forEach(headers::put);
            node.put("body", request.body());
            node.put("correlationId", request.correlationId());
        }
        ArrayNode generations = root.putArray("generations");
        for (Generation generation : ledger.generations()) {
            ObjectNode node = generations.addObject();
            node.put("vendor", generation.vendor().wireName());
            node.put("endpoint", generation.endpoint());
            node.put("responseId", generation.responseId());
            node.put("vendorRequestId", generation.vendorRequestId());
            node.put("correlationId", generation.correlationId());
            node.put("model", generation.model());
            node.put("stream", generation.stream());
            node.put("promptTokens", generation.promptTokens());
            node.put("completionTokens", generation.completionTokens());
            node.put("cachedTokens", generation.cachedTokens());
            node.put("reasoningTokens", generation.reasoningTokens());
            node.put("totalTokens", generation.totalTokens());
            node.put("text", generation.text());
            node.put("toolName", generation.toolName());
            node.put("completed", generation.completed());
            node.put("contentChunks", generation.contentChunks());
            node.put("finishReason", generation.finishReason());
            node.put("startedAt", generation.startedAt().toString());
        }
        return root;
    }
}
