package dev.switchboard.edge.provider.gemini;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.provider.ChatStreamTranslator;
import dev.switchboard.edge.streaming.SseRelay;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Loads the recorded Gemini payloads in {@code fixtures/gemini} and replays streams the way the edge reads them. */
final class GeminiFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final RouteCandidate ROUTE = route("gemini-2.5-flash");

    private GeminiFixtures() {
    }

    static RouteCandidate route(String upstreamModel) {
        return new RouteCandidate("gemini-main", "gemini", "https://generativelanguage.googleapis.com", "GEMINI_KEY",
                "gemini-flash", upstreamModel, "2.5", null);
    }

    static byte[] bytes(String name) {
        try (InputStream in = GeminiFixtures.class.getResourceAsStream("/fixtures/gemini/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        return JSON.readTree(bytes(name));
    }

    static JsonNode json(byte[] body) {
        return JSON.readTree(body);
    }

    static ChatRequest chat(String body) {
        return ChatRequest.from((ObjectNode) JSON.readTree(body));
    }

    /**
     * Feeds {@code stream} to the translator in reads of {@code readSize} bytes, cut into events by {@link SseRelay}
     * as the edge does, then ends it; returns everything the translator wrote.
     */
    static String replay(ChatStreamTranslator translator, byte[] stream, int readSize) {
        ByteBuf out = Unpooled.buffer();
        SseRelay relay = new SseRelay((event, ignored) -> translator.event(event, out));
        try {
            for (int from = 0; from < stream.length; from += readSize) {
                ByteBuf read = Unpooled.wrappedBuffer(stream, from, Math.min(readSize, stream.length - from));
                relay.relay(read).release();
                read.release();
            }
            translator.end(out);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            relay.discard();
            out.release();
        }
    }

    /** The JSON payloads of the {@code data:} events an OpenAI client would see, {@code [DONE]} left as text. */
    static List<String> events(String sse) {
        List<String> events = new ArrayList<>();
        for (String event : sse.split("\n\n")) {
            if (!event.isEmpty()) {
                events.add(event.substring("data: ".length()));
            }
        }
        return events;
    }

    static List<JsonNode> chunks(String sse) {
        return events(sse).stream().filter(event -> !event.equals("[DONE]")).map(JSON::readTree).toList();
    }
}
