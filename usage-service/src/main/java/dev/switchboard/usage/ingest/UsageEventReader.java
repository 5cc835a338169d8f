package dev.switchboard.usage.ingest;

import dev.switchboard.contracts.usage.UsageEvent;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a Kafka message value (UTF-8 JSON written by the edge's JsonMapper) into a {@link UsageEvent}.
 * {@code cost} binds straight to {@code BigDecimal} from the JSON number's text, so 0.0000135 stays exactly
 * 0.0000135 (no detour through double).
 */
@Component
class UsageEventReader {

    private final ObjectReader reader;

    UsageEventReader(JsonMapper json) {
        // The features that decide what is poison are pinned here rather than inherited from the app's mapper:
        // newer edges may add fields (ignored), but an event missing a token count must not be billed as 0.
        this.reader = json.readerFor(UsageEvent.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // the tree keeps a JSON number's text exactly, as binding straight to BigDecimal would
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    UsageEvent read(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new MalformedUsageEventException("empty message");
        }
        UsageEvent event;
        try {
            event = reader.readValue(withLaterFieldsDefaulted(payload));
        } catch (JacksonException e) {
            throw new MalformedUsageEventException("not a usage event" + at(e) + ": " + e.getOriginalMessage(), e);
        }
        if (event == null) {
            throw new MalformedUsageEventException("message is JSON null");
        }
        requireText(event.requestId(), "requestId");
        requireText(event.teamId(), "teamId");
        if (event.occurredAt() == null) {
            throw new MalformedUsageEventException("occurredAt is missing");
        }
        return event;
    }

    /**
     * Fields added to schema v1 after its first release are zero when an older edge leaves them out, rather than
     * making its events poison; every other primitive must be present.
     */
    private JsonNode withLaterFieldsDefaulted(byte[] payload) {
        JsonNode tree = reader.readTree(payload);
        if (tree instanceof ObjectNode object && !object.has("reasoningTokens")) {
            object.put("reasoningTokens", 0);
        }
        return tree;
    }

    /** Where in the JSON the problem is, e.g. " at attempts[0].latencyMillis"; empty when not in a field. */
    private static String at(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : " at " + path;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedUsageEventException(field + " is missing or blank");
        }
    }
}
