package dev.switchboard.edge.provider;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.ErrorKind;
import dev.switchboard.edge.api.GatewayException;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends requests to providers over one large connection pool. A request goes out only to the origin of its
 * candidate's registered base URL, and redirects are never followed, so nothing a client sends, and nothing a
 * provider answers, can move a call (and its credential) to another host.
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
                .followRedirect(false);
    }

    /** Sends {@code request} to the candidate's provider; completes when the response headers have arrived. */
    public Mono<UpstreamExchange> send(RouteCandidate candidate, UpstreamRequest request) {
        if (!withinBaseUrl(candidate.baseUrl(), request.url())) {
            return Mono.error(new GatewayException(502, "api_error", "provider_url_refused", null,
                    "The gateway refused to call a URL outside the provider's registered base URL.", 0));
        }
        return http.headers(headers -> {
                    for (Map.Entry<String, String> header : request.headers().entrySet()) {
                        headers.set(header.getKey(), header.getValue());
                    }
                })
                .post()
                .uri(request.url())
                .send(ByteBufFlux.fromInbound(Mono.just(request.body())))
                .responseConnection((response, connection) -> Mono.just(new UpstreamExchange(response, connection)))
                .next()
                .onErrorMap(error -> !(error instanceof GatewayException), UpstreamClient::unreachable);
    }

    /** Same scheme, host and port as the base URL, and a path under the base URL's path. */
    static boolean withinBaseUrl(String baseUrl, String url) {
        try {
            URI base = URI.create(baseUrl);
            URI target = URI.create(url);
            String basePath = base.getRawPath() == null ? "" : base.getRawPath();
            String targetPath = target.getRawPath() == null ? "" : target.getRawPath();
            return base.getScheme() != null && base.getScheme().equalsIgnoreCase(target.getScheme())
                    && base.getHost() != null && base.getHost().equalsIgnoreCase(target.getHost())
                    && base.getPort() == target.getPort()
                    && target.getRawUserInfo() == null
                    && targetPath.startsWith(basePath)
                    && (targetPath.length() == basePath.length() || basePath.endsWith("/")
                        || targetPath.charAt(basePath.length()) == '/')
                    && !targetPath.contains("/../") && !targetPath.endsWith("/..");
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static GatewayException unreachable(Throwable error) {
        if (error instanceof ConnectTimeoutException) {
            return ErrorKind.TIMEOUT.exception("The provider did not accept a connection in time.", 0);
        }
        return new GatewayException(502, "api_error", "provider_unreachable", null,
                "The provider could not be reached.", 0);
    }

    @Override
    public void destroy() {
        connections.dispose();
    }
}
