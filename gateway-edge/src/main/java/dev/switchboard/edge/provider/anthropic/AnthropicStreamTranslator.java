package dev.switchboard.edge.provider.anthropic;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatStreamTranslator;
import dev.switchboard.edge.provider.OpenAiChunkWriter;
import dev.switchboard.edge.provider.TokenUsage;
import io.netty.buffer.ByteBuf;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an Anthropic Messages stream into OpenAI chunks (wire-formats §2.4, §5.4). Tool calls get OpenAI's own
 * contiguous indexes 0, 1, 2…, not Anthropic's block indexes, which also count text and thinking blocks
 * (pitfall 6). Thinking deltas and pings are dropped. {@code message_stop} ends the stream with the usage chunk
 * (when wanted) and {@code [DONE]}, which Anthropic does not send itself.
 */
final class AnthropicStreamTranslator implements ChatStreamTranslator {

    private static final GatewayException CUT_OFF = new GatewayException(502, "api_error", "provider_stream_error",
            null, "The provider's stream ended before it finished.", 0);

    private final JsonMapper json;
    private final OpenAiChunkWriter chunks;
    private final AnthropicErrorMapper errors;
    private final boolean usageWanted;
    private final boolean jsonMode;
    /** Anthropic block index to OpenAI tool index, for tool_use blocks only. */
    private final Map<Integer, Integer> toolIndexes = new HashMap<>();
    private final StringBuilder relayedText = new StringBuilder();
    private final StringBuilder relayedArguments = new StringBuilder();
    private final AnthropicUsage counts = new AnthropicUsage();
    private int jsonBlock = Integer.MIN_VALUE;
    private boolean finishSent;
    private boolean usageFinal;
    private boolean ended;
    private String errorType;

    AnthropicStreamTranslator(JsonMapper json, OpenAiChunkWriter chunks, AnthropicErrorMapper errors, boolean usageWanted,
                              boolean jsonMode) {
        this.json = json;
        this.chunks = chunks;
        this.errors = errors;
        this.usageWanted = usageWanted;
        this.jsonMode = jsonMode;
    }

    @Override
    public void event(ByteBuf event, ByteBuf out) {
        if (ended) {
            return;
        }
        SseEvent sse = SseEvent.read(event);
        JsonNode data = parse(sse.data());
        if (data == null) {
            return;
        }
        // the SDKs dispatch on the event name; the data's type always repeats it
        String type = data.path("type").asString(sse.name() == null ? "" : sse.name());
        switch (type) {
            case "message_start" -> messageStart(data.path("message"), out);
            case "content_block_start" -> blockStart(data.path("index").asInt(-1), data.path("content_block"), out);
            case "content_block_delta" -> blockDelta(data.path("index").asInt(-1), data.path("delta"), out);
            case "message_delta" -> messageDelta(data, out);
            case "message_stop" -> messageStop(out);
            case "error" -> error(data.path("error"), out);
            default -> {
                // ping, content_block_stop and event types added later carry nothing to relay
            }
        }
    }

    /** A stream that ends without {@code message_stop} was cut short: the client is told, not sent [DONE]. */
    @Override
    public void end(ByteBuf out) {
        if (!ended) {
            ended = true;
            errorType = CUT_OFF.type();
            chunks.error(out, CUT_OFF);
        }
    }

    @Override
    public TokenUsage usage() {
        return usageFinal ? counts.tokenUsage() : null;
    }

    @Override
    public String errorType() {
        return errorType;
    }

    @Override
    public long countOutputTokens(ToIntFunction<String> counter) {
        return counter.applyAsInt(relayedText.toString()) + counter.applyAsInt(relayedArguments.toString());
    }

    private void messageStart(JsonNode message, ByteBuf out) {
        chunks.identify(message.path("id").isString() ? message.path("id").stringValue() : null,
                message.path("model").isString() ? message.path("model").stringValue() : null);
        counts.merge(message.path("usage"));
        chunks.role(out, 0);
    }

    private void blockStart(int index, JsonNode block, ByteBuf out) {
        switch (block.path("type").asString("")) {
            case "text" -> content(block.path("text").asString(""), out);
            case "tool_use" -> {
                String name = block.path("name").asString("");
                if (jsonMode && name.equals(ToolsTranslator.JSON_TOOL)) {
                    jsonBlock = index;
                } else {
                    int toolIndex = toolIndexes.size();
                    toolIndexes.put(index, toolIndex);
                    chunks.toolStart(out, 0, toolIndex, block.path("id").asString(""), name, "");
                }
            }
            default -> {
                // thinking and redacted_thinking blocks are not relayed
            }
        }
    }

    private void blockDelta(int index, JsonNode delta, ByteBuf out) {
        switch (delta.path("type").asString("")) {
            case "text_delta" -> {
                // in JSON mode the answer is the forced tool's input; stray text would corrupt it
                if (!jsonMode) {
                    content(delta.path("text").asString(""), out);
                }
            }
            case "input_json_delta" -> {
                String fragment = delta.path("partial_json").asString("");
                if (fragment.isEmpty()) {
                    return;
                }
                if (index == jsonBlock) {
                    content(fragment, out);
                } else if (toolIndexes.containsKey(index)) {
                    relayedArguments.append(fragment);
                    chunks.toolArguments(out, 0, toolIndexes.get(index), fragment);
                }
            }
            default -> {
                // thinking_delta, signature_delta and citations_delta are dropped
            }
        }
    }

    private void content(String text, ByteBuf out) {
        if (!text.isEmpty()) {
            relayedText.append(text);
            chunks.content(out, 0, text, null);
        }
    }

    private void messageDelta(JsonNode data, ByteBuf out) {
        counts.merge(data.path("usage"));
        usageFinal = usageFinal || data.path("usage").isObject();
        JsonNode stopReason = data.path("delta").path("stop_reason");
        if (stopReason.isString() && !finishSent) {
            finish(stopReason.stringValue(), out);
        }
    }

    private void messageStop(ByteBuf out) {
        if (!finishSent) {
            finish(null, out);
        }
        // without a message_delta the output count is message_start's placeholder, so usage() stays null
        if (usageWanted) {
            chunks.usage(out, counts.toOpenAi(json));
        }
        OpenAiChunkWriter.done(out);
        ended = true;
    }

    private void finish(String stopReason, ByteBuf out) {
        finishSent = true;
        chunks.finish(out, 0, jsonMode ? FinishReasons.toOpenAiJson(stopReason) : FinishReasons.toOpenAi(stopReason));
    }

    private void error(JsonNode error, ByteBuf out) {
        GatewayException mapped = errors.inBand(error);
        errorType = mapped.type();
        chunks.error(out, mapped);
        ended = true;
    }

    private JsonNode parse(String data) {
        if (data == null || data.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(data);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException malformed) {
            // a broken event carries nothing that could be relayed faithfully
            return null;
        }
    }
}
