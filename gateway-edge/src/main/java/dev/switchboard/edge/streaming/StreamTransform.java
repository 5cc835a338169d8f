package dev.switchboard.edge.streaming;

import io.netty.buffer.ByteBuf;

/**
 * Rewrites a stream of whole SSE events. Implementations read {@code event} (never retain or release it) and
 * append zero or more whole SSE events, each ending in a blank line, to {@code out}.
 */
public interface StreamTransform {

    /** Handles one whole event, including its terminating blank line. */
    void event(ByteBuf event, ByteBuf out);

    /** Appends what closes the stream once the source ended normally (e.g. {@code data: [DONE]}). */
    default void end(ByteBuf out) {
    }
}
