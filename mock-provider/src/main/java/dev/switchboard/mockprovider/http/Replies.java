package dev.switchboard.mockprovider.http;

import io.netty.channel.Channel;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Writes whole (non-streamed) responses, and cuts connections on purpose. */
public final class Replies {

    public static final String JSON = "application/json";

    private Replies() {
    }

    public static Mono<Void> json(Exchange exchange, int status, String body) {
        return json(exchange, status, JSON, body);
    }

    public static Mono<Void> json(Exchange exchange, int status, String contentType, String body) {
        // a Mono body makes Reactor Netty send a Content-Length instead of chunked encoding, as the vendors do
        return exchange.response().status(status).header("content-type", contentType)
                .sendString(Mono.just(body)).then();
    }

    public static Mono<Void> error(Exchange exchange, ErrorReply reply) {
        HttpServerResponse response = exchange.response();
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            response.header(header.getKey(), header.getValue());
        }
        return json(exchange, reply.status(), reply.body());
    }

    public static Mono<Void> noContent(Exchange exchange) {
        return exchange.response().status(204).send();
    }

    /**
     * Closes the TCP connection without finishing the HTTP response, the way a crashed upstream or a dropped
     * network path looks to the client.
     */
    public static Mono<Void> abort(Exchange exchange) {
        AtomicReference<Channel> channel = new AtomicReference<>();
        exchange.response().withConnection(connection -> channel.set(connection.channel()));
        return Mono.create(sink -> channel.get().close().addListener(done -> sink.success()));
    }
}
