package dev.switchboard.edge.chat;

import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.api.GatewayHeaders;
import dev.switchboard.edge.provider.ProviderCredentials;
import dev.switchboard.edge.provider.UpstreamClient;
import dev.switchboard.edge.provider.UpstreamExchange;
import dev.switchboard.edge.provider.openai.OpenAiRequestWriter;
import dev.switchboard.edge.provider.openai.OpenAiUsage;
import dev.switchboard.edge.usage.UsageEmitter;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends an admitted request to the first candidate of its plan and relays the answer: JSON whole, streams event
 * by event through {@link StreamRelay}. Upstream refusals are passed on in the OpenAI error shape.
 */
@Component
class ChatDispatcher {

    private static final Set<String> OPENAI_FORMAT = Set.of("openai", "openai-compatible");

    private final UpstreamClient upstream;
    private final ProviderCredentials credentials;
    private final OpenAiRequestWriter writer;
    private final StreamRelay streams;
    private final UsageEmitter usage;
    private final JsonMapper json;

    ChatDispatcher(UpstreamClient upstream, ProviderCredentials credentials, StreamRelay streams,
                   UsageEmitter usage, JsonMapper json) {
        this.upstream = upstream;
        this.credentials = credentials;
        this.writer = new OpenAiRequestWriter(json);
        this.streams = streams;
        this.usage = usage;
        this.json = json;
    }

    Mono<ServerResponse> dispatch(ChatExchange exchange) {
        RouteCandidate candidate = exchange.candidate();
        if (!OPENAI_FORMAT.contains(candidate.providerType())) {
            throw GatewayException.invalidRequest("model", "Model '" + exchange.request().model()
                    + "' is served by a '" + candidate.providerType() + "' provider, which this gateway cannot call yet.");
        }
        Optional<String> key = credentials.keyFor(candidate);
        boolean stream = exchange.request().stream();
        ChatRequest request = exchange.request();
        byte[] body = writer.write(request.body(), candidate.upstreamModel(), stream);
        // routing-service stores base URLs without a trailing slash
        String url = candidate.baseUrl() + "/chat/completions";
        exchange.attemptStarted();
        return upstream.post(url, headers -> {
                    headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                    headers.set(HttpHeaderNames.ACCEPT, stream ? "text/event-stream" : "application/json");
                    headers.set(GatewayHeaders.UPSTREAM_REQUEST_ID, exchange.requestId());
                    key.ifPresent(value -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + value));
                }, body)
                .doOnError(GatewayException.class, e -> exchange.attemptEnded("error", 0, e.code()))
                .flatMap(answer -> {
                    if (answer.status() >= 400) {
                        return relayError(exchange, answer);
                    }
                    return stream ? streams.relay(exchange, answer) : relayJson(exchange, answer);
                });
    }

    private Mono<ServerResponse> relayJson(ChatExchange exchange, UpstreamExchange answer) {
        return answer.bodyBytes().flatMap(bytes -> {
            exchange.firstByte();
            exchange.usage(OpenAiUsage.readFromCompletion(json, bytes));
            exchange.attemptEnded("success", answer.status(), null);
            if (exchange.finish()) {
                usage.emit(exchange.toUsageEvent(answer.status(), null));
            }
            return ServerResponse.status(answer.status())
                    .headers(headers -> servedBy(headers, exchange))
                    .contentType(MediaType.APPLICATION_JSON)
                    .build((web, context) -> web.getResponse()
                            .writeWith(Mono.just(web.getResponse().bufferFactory().wrap(bytes))));
        });
    }

    /**
     * A provider refusal. The client's key was fine, so a provider 401/403 (the gateway's own credential was
     * refused) becomes a 502; other statuses pass through with the provider's OpenAI-shaped body.
     */
    private Mono<ServerResponse> relayError(ChatExchange exchange, UpstreamExchange answer) {
        return answer.bodyBytes().flatMap(bytes -> {
            JsonNode error = readTree(bytes).path("error");
            String type = error.path("type").asString("api_error");
            exchange.attemptEnded("error", answer.status(), type);
            if (answer.status() == 401 || answer.status() == 403) {
                throw new GatewayException(502, "api_error", "provider_auth_failed", null,
                        "The provider refused the gateway's credential.", 0);
            }
            if (!error.isObject()) {
                throw new GatewayException(answer.status(), "api_error", null, null,
                        "The provider answered " + answer.status() + ".", 0);
            }
            if (exchange.finish()) {
                usage.emit(exchange.toUsageEvent(answer.status(), type));
            }
            ServerResponse.BodyBuilder response = ServerResponse.status(answer.status())
                    .headers(headers -> servedBy(headers, exchange))
                    .contentType(MediaType.APPLICATION_JSON);
            String retryAfter = answer.response().responseHeaders().get(HttpHeaders.RETRY_AFTER);
            if (retryAfter != null) {
                response.header(HttpHeaders.RETRY_AFTER, retryAfter);
            }
            return response.bodyValue(bytes);
        });
    }

    static void servedBy(HttpHeaders headers, ChatExchange exchange) {
        RouteCandidate candidate = exchange.candidate();
        headers.set(GatewayHeaders.REQUEST_ID, exchange.requestId());
        headers.set(GatewayHeaders.SERVED_PROVIDER, candidate.providerId());
        headers.set(GatewayHeaders.SERVED_MODEL, candidate.upstreamModel());
        headers.set(GatewayHeaders.ROUTE, exchange.plan().routeId());
    }

    private JsonNode readTree(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (JacksonException e) {
            return json.missingNode();
        }
    }
}
