package dev.switchboard.mockprovider.http;

import dev.switchboard.mockprovider.fault.Fault;
import dev.switchboard.mockprovider.ledger.GenerationRecorder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends a generated answer, whole or as a stream, applying the body-level faults (delays, cuts, broken JSON, usage is
 * the renderers' job) and reporting to the ledger exactly what went out.
 */
public final class AnswerWriter {

    private AnswerWriter() {
    }

    /**
     * Sends a whole JSON answer after the time generating it would take ({@code first-token-delay-ms} plus
     * {@code chunk-delay-ms} per further token). With {@code disconnect-after-chunks} the connection is dropped instead
     * of answering; with {@code malformed-chunk-at} the body is cut in half.
     *
     * @param onSent called just before a complete body is handed to the connection (records the ledger entry)
     */
    public static Mono<Void> json(Exchange exchange, Fault fault, String contentType, String body, int tokens,
                                  Runnable onSent) {
        long delay = fault.firstTokenDelay() + fault.chunkDelay() * Math.max(0, tokens - 1);
        Mono<Void> send = Mono.defer(() -> {
            if (fault.disconnectAfterChunks() != null) {
                return Replies.abort(exchange);
            }
            if (fault.malformedChunkAt() != null) {
                return Replies.json(exchange, 200, contentType, body.substring(0, body.length() / 2));
            }
            onSent.run();
            return Replies.json(exchange, 200, contentType, body);
        });
        return delay > 0 ? Mono.delay(Duration.ofMillis(delay)).then(send) : send;
    }

    /**
     * Streams the events, one flush per event, with the stream faults applied.
     *
     * @param malformed the vendor's broken event, inserted as the n-th event for {@code malformed-chunk-at=n}
     */
    public static Mono<Void> stream(Exchange exchange, Fault fault, String contentType, List<StreamEvent> events,
                                    StreamEvent malformed, GenerationRecorder recorder) {
        List<StreamEvent> plan = new ArrayList<>(events);
        if (fault.malformedChunkAt() != null) {
            plan.add(Math.min(fault.malformedChunkAt() - 1, plan.size()), malformed);
        }
        int cutAt = fault.disconnectAfterChunks() == null ? -1 : cutIndex(plan, fault.disconnectAfterChunks());
        if (cutAt >= 0) {
            plan = plan.subList(0, cutAt);
        }

        AtomicBoolean firstContent = new AtomicBoolean(true);
        Flux<ByteBuf> frames = Flux.fromIterable(plan)
                .concatMap(event -> {
                    long delay = !event.isContent() ? 0
                            : firstContent.getAndSet(false) ? fault.firstTokenDelay() : fault.chunkDelay();
                    return delay == 0 ? Mono.just(event) : Mono.delay(Duration.ofMillis(delay)).thenReturn(event);
                })
                // recorded as the event is handed to Netty, so the ledger is never behind what a client has seen
                .doOnNext(event -> {
                    if (event.isContent()) {
                        recorder.chunkSent(event.piece(), event.tokens());
                    }
                    if (event.finishReason() != null) {
                        recorder.finish(event.finishReason());
                    }
                })
                .map(event -> Unpooled.copiedBuffer(event.frame(), StandardCharsets.UTF_8));
        // An empty first buffer makes Netty send the status and headers at once, even when the first event waits
        // for a first-token delay, as a real vendor's headers arrive before the first token.
        frames = Flux.concat(Mono.just(Unpooled.EMPTY_BUFFER), frames);

        Mono<Void> sent = exchange.response()
                .status(200)
                .header("content-type", contentType)
                .header("cache-control", "no-cache")
                .send(frames, buffer -> true)
                .then();
        return cutAt >= 0 ? sent.then(Replies.abort(exchange)) : sent;
    }

    /** Index just after the n-th content event (n = 0: before the first one), or -1 if there are fewer than n. */
    private static int cutIndex(List<StreamEvent> plan, int chunks) {
        int seen = 0;
        for (int i = 0; i < plan.size(); i++) {
            if (!plan.get(i).isContent()) {
                continue;
            }
            if (seen == chunks) {
                return i;
            }
            seen++;
            if (seen == chunks) {
                return i + 1;
            }
        }
        return -1;
    }
}
