package dev.switchboard.edge.chat;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.latency.DeploymentLatencies;
import dev.switchboard.edge.observability.PromptLog;
import dev.switchboard.edge.pipeline.RequestExchange;
import dev.switchboard.edge.provider.ChatStreamTranslator;
import dev.switchboard.edge.provider.ProviderAdapter;
import dev.switchboard.edge.provider.TokenUsage;
import dev.switchboard.edge.provider.UpstreamExchange;
import dev.switchboard.edge.resilience.AttemptContext;
import dev.switchboard.edge.resilience.AttemptFailure;
import dev.switchboard.edge.resilience.FailureKind;
import dev.switchboard.edge.tokens.TokenCounter;
import dev.switchboard.edge.usage.UsageEmitter;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Streams a provider's SSE answer to the client as it arrives, translated event by event, flushing after every
 * provider read. The response is committed only once the provider's first bytes arrived: a failure before that
 * (such as the first-token timeout) is an ordinary error response. After it, a failure ends the stream with an
 * in-band error event in the ingress's shape, which the SDKs raise, never a silently truncated success.
 * Bills what was generated however the stream ends: provider usage when it came, else a tokenizer count flagged
 * estimated. A client that goes away cancels the provider call.
 */
@Component
class StreamRelay {

    private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

    private final TokenCounter tokens;
    private final UsageEmitter usage;
    private final DeploymentLatencies latencies;
    private final PromptLog prompts;

    StreamRelay(TokenCounter tokens, UsageEmitter usage, DeploymentLatencies latencies, PromptLog prompts) {
        this.prompts = prompts;
        this.tokens = tokens;
        this.usage = usage;
        this.latencies = latencies;
    }

    /**
     * Relays the stream; completes with the response once its first bytes arrived, and fails with a classified
     * {@link AttemptFailure} when the stream ends before that, so the request can still fail over.
     */
    Mono<ServerResponse> relay(ChatCall call, ProviderAdapter adapter, UpstreamExchange answer,
                               AttemptContext attempt) {
        RequestExchange exchange = call.exchange();
        StreamTranslation translation = new StreamTranslation(
                adapter.stream(call.request(), attempt.candidate()),
                call.ingress().streamTransform(call.request(), exchange.requestId()));
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicBoolean clientGone = new AtomicBoolean();
        // Our own output is wrapped as DataBuffers at once: a discard hook is seen by every operator upstream,
        // so one on ByteBuf would also release the provider's buffers, which Reactor Netty releases itself.
        Flux<DataBuffer> translated = answer.body()
                .<DataBuffer>map(read -> {
                    answer.timer().read();
                    attempt.answered();
                    exchange.firstByte();
                    return BUFFERS.wrap(translation.translate(read));
                })
                .concatWith(Mono.<DataBuffer>fromSupplier(() -> BUFFERS.wrap(translation.finish())))
                .filter(StreamRelay::readableOrReleased)
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
        return translated.switchOnFirst((first, all) -> {
            if (first.isOnError()) {
                answer.abort();
                translation.discard();
                return Mono.error(beforeFirstByte(first.getThrowable(), answer));
            }
            attempt.serve();
            Flux<DataBuffer> body = all
                    .onErrorResume(error -> {
                        GatewayException shown = streamFailure(error, answer);
                        failure.set(shown.code() != null ? shown.code() : shown.type());
                        return Mono.<DataBuffer>just(BUFFERS.wrap(call.ingress().streamError(shown)));
                    })
                    .doFinally(signal -> {
                        answer.timer().stop();
                        translation.discard();
                        finish(call, attempt, translation.translator(), answer.status(), clientGone.get(),
                                failure.get());
                    })
                    // below doFinally on purpose: closing the provider connection can complete its body at once,
                    // and that completion may reach doFinally before the cancel does; the flag is set before either
                    .doOnCancel(() -> {
                        clientGone.set(true);
                        answer.abort();
                    });
            return response(call, answer, body);
        }, false).single();
    }

    private static Mono<ServerResponse> response(ChatCall call, UpstreamExchange answer, Flux<DataBuffer> body) {
        return ServerResponse.status(answer.status())
                .headers(headers -> {
                    ChatDispatcher.servedBy(headers, call);
                    headers.set(HttpHeaders.CONTENT_TYPE, "text/event-stream");
                    headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
                })
                .build((web, context) -> web.getResponse().writeAndFlushWith(body.map(Mono::just)));
    }

    /** Why a stream ended before its first byte: the request may still fail over. */
    private static AttemptFailure beforeFirstByte(Throwable error, UpstreamExchange answer) {
        if (error instanceof AttemptFailure classified) {
            return classified;
        }
        if (answer.timer().expired() != null) {
            return answer.timer().attemptFailure(false);
        }
        if (error instanceof GatewayException shown) {
            return new AttemptFailure(FailureKind.BAD_RESPONSE, answer.status(), shown);
        }
        return new AttemptFailure(FailureKind.CONNECTION_LOST, answer.status(), new GatewayException(502,
                "api_error", "provider_stream_error", null, "The provider's stream ended before it began.", 0));
    }

    private static GatewayException streamFailure(Throwable error, UpstreamExchange answer) {
        if (error instanceof GatewayException known) {
            return known;
        }
        if (answer.timer().expired() != null) {
            return answer.timer().failure();
        }
        return new GatewayException(502, "api_error", "provider_stream_error", null,
                "The provider's stream broke off before it finished.", 0);
    }

    private void finish(ChatCall call, AttemptContext attempt, ChatStreamTranslator translator, int status,
                        boolean clientGone, String failure) {
        RequestExchange exchange = call.exchange();
        TokenUsage reported = translator.usage();
        // without provider usage (a cut stream) both sides are counted, off the happy path
        exchange.usage(reported != null ? reported
                : new TokenUsage(tokens.countMessages(call.request().messages()), 0,
                        translator.countOutputTokens(tokens::count), 0, true));
        String errorType = clientGone ? "client_closed" : failure != null ? failure : translator.errorType();
        int recordedStatus = clientGone ? 499 : status;
        if (errorType == null) {
            attempt.succeeded(status);
            latencies.record(attempt.candidate().deploymentId(), attempt.answerNanos());
        } else {
            // a stream that broke after its first byte counts against the deployment; a client leaving does not
            attempt.failed(clientGone ? FailureKind.CLIENT_CLOSED : FailureKind.STREAM_BROKEN, status);
        }
        if (exchange.finish()) {
            usage.emit(exchange.toUsageEvent(recordedStatus, errorType), exchange.trace().publish());
        }
        if (exchange.key().logPrompts()) {
            // the translator keeps what it relayed (to count a cut stream's tokens); the log thread reads it back
            prompts.record(exchange.requestId(), exchange.key().teamId(), call.request().messages(), () -> {
                StringBuilder text = new StringBuilder();
                translator.countOutputTokens(relayed -> {
                    text.append(relayed);
                    return 0;
                });
                return text.toString();
            });
        }
    }

    private static boolean readableOrReleased(DataBuffer buffer) {
        if (buffer.readableByteCount() > 0) {
            return true;
        }
        DataBufferUtils.release(buffer);
        return false;
    }
}
