package dev.switchboard.edge.provider;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.ErrorKind;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.api.GatewayHeaders;
import io.netty.channel.ChannelOption;
import dev.switchboard.edge.resilience.AttemptFailure;
import dev.switchboard.edge.resilience.FailureKind;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
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

    /**
     * Sends {@code request} to the candidate's provider, tagged with the gateway's request id; completes when the
     * response headers have arrived. {@code timer} starts watching when the request is on its connection.
     */
    public Mono<UpstreamExchange> send(RouteCandidate candidate, UpstreamRequest request, String requestId,
                                       CallTimer timer) {
        if (!withinBaseUrl(candidate.baseUrl(), request.url())) {
            return Mono.error(new AttemptFailure(FailureKind.URL_REFUSED, 0, new GatewayException(502, "api_error",
                    "provider_url_refused", null,
                    "The gateway refused to call a URL outside the provider's registered base URL.", 0)));
        }
        Long connectMillis = candidate.timeouts().connectMillis();
        // a per-provider connect timeout copies the client's configuration: only for providers that set one
        HttpClient client = connectMillis == null ? http
                : http.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(connectMillis, Integer.MAX_VALUE));
        return client.headers(headers -> {
                    for (Map.Entry<String, String> header : request.headers().entrySet()) {
                        headers.set(header.getKey(), header.getValue());
                    }
                    headers.set(GatewayHeaders.UPSTREAM_REQUEST_ID, requestId);
                })
                .doOnRequest((sent, connection) -> timer.start(connection))
                .post()
                .uri(request.url())
                .send(ByteBufFlux.fromInbound(Mono.just(request.body())))
                .responseConnection((response, connection) ->
                        Mono.just(new UpstreamExchange(response, connection, timer)))
                .next()
                .doOnError(error -> timer.stop())
                .doOnCancel(timer::stop)
                .onErrorMap(error -> !(error instanceof GatewayException),
                        error -> timer.expired() != null ? timer.attemptFailure(false) : unreachable(error));
    }

    /**
     * Whether {@code url} lies under {@code baseUrl}: the base URL itself followed by a path or query, so scheme,
     * host, port and base path are the registered ones. A plain prefix check, cheap on the hot path, made strict by
     * requiring a separator after the base and refusing dot segments, user info and fragments.
     */
    static boolean withinBaseUrl(String baseUrl, String url) {
        if (baseUrl == null || url == null || !url.startsWith(baseUrl) || url.length() == baseUrl.length()) {
            return url != null && url.equals(baseUrl);
        }
        char next = url.charAt(baseUrl.length());
        if (next != '/' && next != '?') {
            return false;
        }
        String rest = url.substring(baseUrl.length());
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        return !path.contains("/../") && !path.endsWith("/..") && !path.contains("/./") && !path.contains("@")
                && rest.indexOf('#') < 0 && baseUrl.indexOf('@') < 0 && baseUrl.contains("://");
    }

    /**
     * A call that failed before any answer: a connection that could not be made never reached the provider; one
     * that broke after the request went out may have.
     */
    static AttemptFailure unreachable(Throwable error) {
        if (error instanceof ConnectTimeoutException) {
            return new AttemptFailure(FailureKind.CONNECT_FAILED, 0,
                    ErrorKind.TIMEOUT.exception("The provider did not accept a connection in time.", 0));
        }
        GatewayException shown = new GatewayException(502, "api_error", "provider_unreachable", null,
                "The provider could not be reached.", 0);
        boolean notConnected = error instanceof ConnectException || error instanceof UnknownHostException
                || error instanceof NoRouteToHostException;
        return new AttemptFailure(notConnected ? FailureKind.CONNECT_FAILED : FailureKind.CONNECTION_LOST, 0, shown);
    }

    @Override
    public void destroy() {
        connections.dispose();
    }
}
