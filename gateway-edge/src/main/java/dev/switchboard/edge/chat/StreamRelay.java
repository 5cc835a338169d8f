package dev.switchboard.edge.chat;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.api.OpenAiErrors;
import dev.switchboard.edge.provider.TokenUsage;
import dev.switchboard.edge.provider.UpstreamExchange;
import dev.switchboard.edge.provider.openai.OpenAiStreamObserver;
import dev.switchboard.edge.streaming.SseRelay;
import dev.switchboard.edge.tokens.TokenCounter;
import dev.switchboard.edge.usage.UsageEmitter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams a provider's SSE answer to the client as it arrives, flushing after every provider read. Bills what
 * was generated however the stream ends: provider usage when it came, else a tokenizer count flagged estimated.
 * A provider failure after the first byte ends the stream with an in-band OpenAI error event, which the SDKs
 * raise, rather than a silently truncated success. A client that goes away cancels the provider call.
 */
@Component
class StreamRelay {

    private final JsonMapper json;
    private final TokenCounter tokens;
    private final UsageEmitter usage;
    private final OpenAiErrors errors;

    StreamRelay(JsonMapper json, TokenCounter tokens, UsageEmitter usage, OpenAiErrors errors) {
        this.json = json;
        this.tokens = tokens;
        this.usage = usage;
        this.errors = errors;
    }

    Mono<ServerResponse> relay(ChatExchange exchange, UpstreamExchange answer) {
        OpenAiStreamObserver observer = new OpenAiStreamObserver(json, exchange.request().streamUsageWanted());
        SseRelay relay = new SseRelay(observer);
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicBoolean clientGone = new AtomicBoolean();
        Flux<ByteBuf> events = answer.body()
                .map(read -> {
                    exchange.firstByte();
                    return relay.relay(read);
                })
                .concatWith(Mono.fromSupplier(relay::finish))
                .onErrorResume(error -> {
                    failure.set("provider_stream_error");
                    return Mono.just(Unpooled.wrappedBuffer(errors.sseEvent(new GatewayException(502, "api_error",
                            "provider_stream_error", null, "The provider's stream broke off before it finished.", 0))));
                })
                .doFinally(signal -> {
                    relay.discard();
                    finish(exchange, observer, answer.status(), clientGone.get(), failure.get());
                })
                // below doFinally on purpose: closing the provider connection can complete its body at once, and
                // that completion may reach doFinally before the cancel does; the flag is set before either
                .doOnCancel(() -> {
                    clientGone.set(true);
                    answer.abort();
                });
        return ServerResponse.status(answer.status())
                .headers(headers -> {
                    ChatDispatcher.servedBy(headers, exchange);
                    headers.set(HttpHeaders.CONTENT_TYPE, "text/event-stream");
                    headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
                })
                .build((web, context) -> {
                    NettyDataBufferFactory buffers = (NettyDataBufferFactory) web.getResponse().bufferFactory();
                    return web.getResponse().writeAndFlushWith(events
                            .filter(StreamRelay::readableOrReleased)
                            .map(buffer -> Mono.<DataBuffer>just(buffers.wrap(buffer))));
                });
    }

    private void finish(ChatExchange exchange, OpenAiStreamObserver observer, int status, boolean clientGone,
                        String failure) {
        TokenUsage reported = observer.usage();
        // without provider usage (a cut stream) both sides are counted, off the happy path
        exchange.usage(reported != null ? reported
                : new TokenUsage(tokens.countMessages(exchange.request().messages()), 0,
                        observer.countOutputTokens(tokens::count), 0, true));
        String errorType = clientGone ? "client_closed" : failure != null ? failure : observer.errorType();
        int recordedStatus = clientGone ? 499 : status;
        exchange.attemptEnded(errorType == null ? "success" : "error", status, errorType);
        if (exchange.finish()) {
            usage.emit(exchange.toUsageEvent(recordedStatus, errorType));
        }
    }

    private static boolean readableOrReleased(ByteBuf buffer) {
        if (buffer.isReadable()) {
            return true;
        }
        buffer.release();
        return false;
    }
}
