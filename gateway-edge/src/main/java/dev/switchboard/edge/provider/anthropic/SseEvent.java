package dev.switchboard.edge.provider.anthropic;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * One whole SSE event read off the wire: its {@code event:} name and its {@code data:} lines joined by newlines,
 * per the SSE rules (a single space after the colon is dropped; comment lines are ignored).
 */
record SseEvent(String name, String data) {

    static SseEvent read(ByteBuf event) {
        String text = event.toString(event.readerIndex(), event.readableBytes(), StandardCharsets.UTF_8);
        String name = null;
        StringBuilder data = null;
        for (String line : text.split("\r?\n")) {
            if (line.startsWith("event:")) {
                name = value(line, 6);
            } else if (line.startsWith("data:")) {
                data = data == null ? new StringBuilder() : data.append('\n');
                data.append(value(line, 5));
            }
        }
        return new SseEvent(name, data == null ? null : data.toString());
    }

    private static String value(String line, int from) {
        return line.startsWith(" ", from) ? line.substring(from + 1) : line.substring(from);
    }
}
