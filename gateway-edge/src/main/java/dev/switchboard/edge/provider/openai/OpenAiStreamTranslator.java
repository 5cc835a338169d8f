package dev.switchboard.edge.provider.openai;

import dev.switchboard.edge.provider.ChatStreamTranslator;
import dev.switchboard.edge.provider.TokenUsage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relays an OpenAI-format SSE stream, already canonical, while watching it: picks up the usage chunk (and drops it
 * when the consumer did not ask for it, since client code often reads {@code choices[0]}), notices {@code [DONE]}
 * and in-band errors, and keeps the content payloads so a stream cut before its usage chunk can still be billed by
 * counting. Only the usage chunk and error events are parsed; every other event is copied byte for byte.
 */
final class OpenAiStreamTranslator implements ChatStreamTranslator {

    private static final ByteBuf USAGE = needle("\"usage\"");
    private static final ByteBuf DONE = needle("[DONE]");
    private static final ByteBuf ERROR = needle("\"error\"");

    private final JsonMapper json;
    private final boolean usageWanted;
    private final ByteArrayOutputStream payloads = new ByteArrayOutputStream();
    private TokenUsage usage;
    private boolean done;
    private String errorType;

    OpenAiStreamTranslator(JsonMapper json, boolean usageWanted) {
        this.json = json;
        this.usageWanted = usageWanted;
    }

    @Override
    public void event(ByteBuf event, ByteBuf out) {
        if (keep(event)) {
            out.writeBytes(event, event.readerIndex(), event.readableBytes());
        }
    }

    private boolean keep(ByteBuf event) {
        if (ByteBufUtil.indexOf(DONE, event) >= 0) {
            done = true;
            return true;
        }
        int usageAt = ByteBufUtil.indexOf(USAGE, event);
        if (usageAt >= 0 && objectFollows(event, usageAt + USAGE.readableBytes())) {
            JsonNode chunk = parse(event);
            if (chunk != null) {
                usage = OpenAiUsage.read(chunk.path("usage"));
                boolean usageOnly = chunk.path("choices").isEmpty();
                return usageWanted || !usageOnly;
            }
        }
        if (ByteBufUtil.indexOf(ERROR, event) >= 0) {
            JsonNode chunk = parse(event);
            if (chunk != null && chunk.path("error").isObject()) {
                errorType = chunk.path("error").path("type").asString("api_error");
            }
        }
        if (usage == null) {
            byte[] copy = new byte[event.readableBytes()];
            event.getBytes(event.readerIndex(), copy);
            payloads.writeBytes(copy);
        }
        return true;
    }

    @Override
    public TokenUsage usage() {
        return usage;
    }

    boolean done() {
        return done;
    }

    @Override
    public String errorType() {
        return errorType;
    }

    @Override
    public long countOutputTokens(ToIntFunction<String> counter) {
        long tokens = 0;
        for (String line : payloads.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.startsWith("data:") || line.contains("[DONE]")) {
                continue;
            }
            try {
                for (JsonNode choice : json.readTree(line.substring(5)).path("choices")) {
                    JsonNode delta = choice.path("delta");
                    tokens += counter.applyAsInt(delta.path("content").asString(""));
                    for (JsonNode call : delta.path("tool_calls")) {
                        tokens += counter.applyAsInt(call.path("function").path("arguments").asString(""));
                    }
                }
            } catch (JacksonException malformed) {
                // a broken chunk carries no countable content
            }
        }
        return tokens;
    }

    private JsonNode parse(ByteBuf event) {
        String text = event.toString(StandardCharsets.UTF_8);
        int data = text.indexOf("data:");
        if (data < 0) {
            return null;
        }
        try {
            return json.readTree(text.substring(data + 5));
        } catch (JacksonException malformed) {
            return null;
        }
    }

    private static boolean objectFollows(ByteBuf event, int from) {
        for (int i = from; i < event.writerIndex(); i++) {
            byte b = event.getByte(i);
            if (b != ':' && b != ' ') {
                return b == '{';
            }
        }
        return false;
    }

    private static ByteBuf needle(String text) {
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
