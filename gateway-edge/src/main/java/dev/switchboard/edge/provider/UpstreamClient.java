package dev.switchboard.edge.provider;

import dev.switchboard.edge.api.GatewayException;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends requests to providers over one large connection pool. Redirects are never followed, so a provider (or
 * anything answering for it) cannot bounce a request, and its credential, to another host.
 */
@Component
public class UpstreamClient implements DisposableBean {

    private final ConnectionProvider connections;
    private final HttpClient http;

    UpstreamClient(UpstreamProperties properties) {
        this.connections = ConnectionProvider.builder("switchboard-upstream")
                .maxConnections(properties.maxConnections())
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(properties.maxIdleTime())
                .build();
        this.http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout())
                .followRedirect(false);
    }

    /** POSTs {@code body} to {@code url}; completes when the response headers have arrived. */
    public Mono<UpstreamExchange> post(String url, Consumer<HttpHeaders> headers, byte[] body) {
        return http.headers(headers)
                .post()
                .uri(url)
                .send(ByteBufFlux.fromInbound(Mono.just(body)))
                .responseConnection((response, connection) -> Mono.just(new UpstreamExchange(response, connection)))
                .next()
                .onErrorMap(error -> !(error instanceof GatewayException), error -> new GatewayException(502,
                        "api_error", "provider_unreachable", null, "The provider could not be reached.", 0));
    }

    @Override
    public void destroy() {
        connections.dispose();
    }
}
