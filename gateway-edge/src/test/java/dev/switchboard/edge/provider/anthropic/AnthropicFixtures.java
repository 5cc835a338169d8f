package dev.switchboard.edge.provider.anthropic;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.streaming.SseRelay;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Recorded-format fixtures and the plumbing to replay them through the adapter. */
final class AnthropicFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant NOW = Instant.ofEpochSecond(1767225600);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final RouteCandidate CANDIDATE = new RouteCandidate("anthropic-main", "anthropic",
            "https://api.anthropic.com", "ANTHROPIC_API_KEY", "claude-sonnet", "claude-sonnet-4-20250514",
            "claude-sonnet-4-20250514", null);

    private AnthropicFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = AnthropicFixtures.class.getResourceAsStream("/fixtures/anthropic/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String name) {
        return JSON.readTree(bytes(name));
    }

    /** A validated request from OpenAI JSON; single quotes stand for double quotes to keep tests readable. */
    static ChatRequest request(String openAiJson) {
        return ChatRequest.from((ObjectNode) JSON.readTree(openAiJson.replace('\'', '"')));
    }

    static ChatRequest requestFixture(String name) {
        return ChatRequest.from((ObjectNode) tree(name));
    }

    /**
     * Replays an SSE fixture through {@link SseRelay}'s event cutting in reads of {@code readSize} bytes, as the
     * network would deliver it, and returns what the translator wrote.
     */
    static String replay(AnthropicStreamTranslator translator, byte[] stream, int readSize, boolean endNormally) {
        ByteBuf out = Unpooled.buffer();
        SseRelay relay = new SseRelay((event, ignored) -> translator.event(event, out));
        try {
            for (int offset = 0; offset < stream.length; offset += readSize) {
                ByteBuf read = Unpooled.wrappedBuffer(stream, offset, Math.min(readSize, stream.length - offset));
                relay.relay(read).release();
                read.release();
            }
            ByteBuf tail = relay.finish();
            if (tail != null) {
                tail.release();
            }
            if (endNormally) {
                translator.end(out);
            }
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }

    /** The payloads of SSE {@code data:} events, each parsed as JSON, or the text {@code [DONE]}. */
    static List<Object> events(String sse) {
        List<Object> events = new ArrayList<>();
        for (String event : sse.split("\n\n")) {
            if (event.isBlank()) {
                continue;
            }
            if (!event.startsWith("data: ") || event.indexOf('\n') >= 0) {
                throw new AssertionError("not a single-line data event: " + event);
            }
            String data = event.substring(6);
            events.add(data.equals("[DONE]") ? data : JSON.readTree(data));
        }
        return events;
    }
}
