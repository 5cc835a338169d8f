package dev.switchboard.edge.provider;

import dev.switchboard.edge.api.GatewayException;
import io.netty.buffer.ByteBuf;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientResponse;

/**
 * A provider response whose headers have arrived; the body is read (or streamed) by the caller. The call's
 * {@link CallTimer} keeps watching until the caller stops it.
 */
public record UpstreamExchange(HttpClientResponse response, Connection connection, CallTimer timer) {

    public int status() {
        return response.status().code();
    }

    /** The body as Netty buffers, valid only inside the subscriber's onNext. */
    public Flux<ByteBuf> body() {
        return connection.inbound().receive();
    }

    public Mono<byte[]> bodyBytes() {
        return connection.inbound().receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                .onErrorMap(error -> !(error instanceof GatewayException), error -> timer.expired() != null
                        ? timer.attemptFailure(false) : UpstreamClient.unreachable(error))
                .doFinally(signal -> timer.stop());
    }

    /** Closes the connection, which cancels the generation upstream; used when the client went away. */
    public void abort() {
        timer.stop();
        connection.dispose();
    }
}
