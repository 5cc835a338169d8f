package dev.switchboard.edge.internal;

import dev.switchboard.contracts.error.ServiceError;
import dev.switchboard.edge.observability.OutboundHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.net.URI;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exchanges small JSON records with one internal service. Built on Reactor Netty directly: it is on the hot
 * path, and WebClient's codec machinery costs measurably more per call.
 */
public final class InternalServiceClient {

    static final String SERVICE_TOKEN_HEADER = "x-switchboard-service-token";

    private final String service;
    private final HttpClient http;
    private final String baseUrl;
    private final JsonMapper json;

    InternalServiceClient(String service, HttpClient http, URI baseUrl, String serviceToken, JsonMapper json) {
        this.service = service;
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.json = json;
        this.http = http.headers(headers -> headers
                .set(SERVICE_TOKEN_HEADER, serviceToken)
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON))
                // the request id, and the trace context when traced, of the request this call serves
                .doOnRequest((outbound, connection) ->
                        OutboundHeaders.writeFrom(outbound.currentContextView(), outbound::header));
    }

    public <T> Mono<ServiceResponse<T>> post(String path, Object request, Class<T> responseType) {
        return Mono.fromCallable(() -> json.writeValueAsBytes(request))
                .flatMap(bytes -> exchange(http.post().uri(baseUrl + path)
                        .send(ByteBufFlux.fromInbound(Mono.just(bytes))), responseType));
    }

    public <T> Mono<ServiceResponse<T>> get(String pathAndQuery, Class<T> responseType) {
        return exchange(http.get().uri(baseUrl + pathAndQuery), responseType);
    }

    /** Reads the whole answer; a transport failure or an unreadable body means the service is unavailable. */
    private <T> Mono<ServiceResponse<T>> exchange(HttpClient.ResponseReceiver<?> request, Class<T> responseType) {
        return request.responseSingle((response, body) -> body.asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .map(content -> decode(response.status().code(), content, responseType)))
                .onErrorMap(error -> !(error instanceof ServiceUnavailableException),
                        error -> new ServiceUnavailableException(service, error));
    }

    private <T> ServiceResponse<T> decode(int status, byte[] content, Class<T> responseType) {
        try {
            if (status >= 200 && status < 300) {
                // an accepted report (202, say) may carry no body at all
                T body = content.length == 0 ? null : json.readValue(content, responseType);
                return new ServiceResponse<>(status, body, null);
            }
            ServiceError error = content.length == 0
                    ? new ServiceError("server_error", service + " answered " + status)
                    : json.readValue(content, ServiceError.class);
            return new ServiceResponse<>(status, null, error);
        } catch (JacksonException e) {
            throw new ServiceUnavailableException(service, e);
        }
    }
}
