package dev.switchboard.edge.chat;

import dev.switchboard.edge.provider.ChatStreamTranslator;
import dev.switchboard.edge.streaming.SseRelay;
import dev.switchboard.edge.streaming.StreamTransform;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The two stages one streamed answer passes through: the provider adapter's translator (provider events →
 * canonical chunks) and, for APIs other than OpenAI's, the ingress transform (canonical chunks → its events).
 * Each read yields a new buffer owned by the caller. Not thread-safe: fed in order, like the stream itself.
 */
final class StreamTranslation {

    private static final byte[] EVENT_END = {'\n', '\n'};

    private final ChatStreamTranslator translator;
    private final SseRelay upstream;
    private final StreamTransform ingress;
    private final SseRelay ingressRelay;

    StreamTranslation(ChatStreamTranslator translator, StreamTransform ingress) {
        this.translator = translator;
        this.upstream = new SseRelay(translator);
        this.ingress = ingress;
        this.ingressRelay = ingress == null ? null : new SseRelay(ingress);
    }

    ChatStreamTranslator translator() {
        return translator;
    }

    ByteBuf translate(ByteBuf read) {
        return toIngress(upstream.relay(read));
    }

    /** What closes the stream after the provider ended it: an unterminated last event, then each stage's end. */
    ByteBuf finish() {
        ByteBuf out = ByteBufAllocator.DEFAULT.buffer(256);
        ByteBuf tail = upstream.finish();
        if (tail != null) {
            try {
                tail.writeBytes(EVENT_END);
                translator.event(tail, out);
            } finally {
                tail.release();
            }
        }
        translator.end(out);
        if (ingress == null) {
            return out;
        }
        ByteBuf rewritten = toIngress(out);
        ingress.end(rewritten);
        return rewritten;
    }

    void discard() {
        upstream.discard();
        if (ingressRelay != null) {
            ingressRelay.discard();
        }
    }

    private ByteBuf toIngress(ByteBuf canonical) {
        if (ingressRelay == null) {
            return canonical;
        }
        try {
            return ingressRelay.relay(canonical);
        } finally {
            canonical.release();
        }
    }
}
