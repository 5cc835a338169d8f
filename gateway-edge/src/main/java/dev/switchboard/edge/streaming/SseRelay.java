package dev.switchboard.edge.streaming;

import io.netty.buffer.ByteBuf;

/**
 * Cuts an SSE byte stream into whole events and hands each to a {@link StreamTransform}, collecting what it writes.
 * Works on Netty buffers without decoding: each read is scanned once for blank-line event boundaries; an
 * incomplete tail waits for the next read. Not thread-safe: one relay per stream, fed in order.
 */
public final class SseRelay {

    private final StreamTransform transform;
    private ByteBuf pending;

    public SseRelay(StreamTransform transform) {
        this.transform = transform;
    }

    /**
     * Returns what the transform made of the whole events completed by {@code read}, in a new buffer owned by the
     * caller (possibly empty). {@code read} is not retained or released.
     */
    public ByteBuf relay(ByteBuf read) {
        ByteBuf source = read;
        if (pending != null) {
            pending.writeBytes(read, read.readerIndex(), read.readableBytes());
            source = pending;
            pending = null;
        }
        try {
            return cut(source);
        } finally {
            if (source != read) {
                source.release();
            }
        }
    }

    /** The unterminated tail of the stream, if any, so nothing the provider sent is swallowed; else null. */
    public ByteBuf finish() {
        ByteBuf tail = pending;
        pending = null;
        if (tail != null && !tail.isReadable()) {
            tail.release();
            return null;
        }
        return tail;
    }

    /** Frees the tail of an abandoned stream. */
    public void discard() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    private ByteBuf cut(ByteBuf source) {
        int end = source.writerIndex();
        int eventStart = source.readerIndex();
        int lineStart = eventStart;
        ByteBuf out = source.alloc().buffer(source.readableBytes());
        for (int i = eventStart; i < end; i++) {
            if (source.getByte(i) != '\n') {
                continue;
            }
            int lineLength = i - lineStart;
            boolean blankLine = lineLength == 0 || (lineLength == 1 && source.getByte(lineStart) == '\r');
            lineStart = i + 1;
            if (blankLine) {
                transform.event(source.slice(eventStart, i + 1 - eventStart), out);
                eventStart = i + 1;
            }
        }
        if (eventStart < end) {
            pending = source.alloc().buffer(Math.max(256, (end - eventStart) * 2));
            pending.writeBytes(source, eventStart, end - eventStart);
        }
        return out;
    }
}
