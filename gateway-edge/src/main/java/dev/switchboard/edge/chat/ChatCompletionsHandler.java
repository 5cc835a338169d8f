package dev.switchboard.edge.chat;

import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.contracts.quota.AdmissionRequest;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.api.OpenAiErrors;
import dev.switchboard.edge.api.RequestIds;
import dev.switchboard.edge.auth.ApiKeyAuthenticator;
import dev.switchboard.edge.auth.BearerKeys;
import dev.switchboard.edge.quota.AdmissionClient;
import dev.switchboard.edge.routing.RoutePlanner;
import dev.switchboard.edge.usage.UsageEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The chat pipeline, in order: authenticate → read and validate → route → admit → dispatch (which streams the
 * answer back and emits usage). Any refusal on the way ends in an OpenAI error body and, once the caller is
 * known, a usage event recording it.
 */
@Component
class ChatCompletionsHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatCompletionsHandler.class);

    private final ApiKeyAuthenticator authenticator;
    private final ChatRequestReader reader;
    private final RoutePlanner planner;
    private final AdmissionClient admission;
    private final ChatDispatcher dispatcher;
    private final UsageEmitter usage;
    private final OpenAiErrors errors;
    private final long defaultMaxOutputTokens;

    ChatCompletionsHandler(ApiKeyAuthenticator authenticator, ChatRequestReader reader, RoutePlanner planner,
                           AdmissionClient admission, ChatDispatcher dispatcher,
                           UsageEmitter usage, OpenAiErrors errors, ChatApiProperties properties) {
        this.authenticator = authenticator;
        this.reader = reader;
        this.planner = planner;
        this.admission = admission;
        this.dispatcher = dispatcher;
        this.usage = usage;
        this.errors = errors;
        this.defaultMaxOutputTokens = properties.defaultMaxOutputTokens();
    }

    Mono<ServerResponse> handle(ServerRequest request) {
        ChatExchange exchange = new ChatExchange(RequestIds.next());
        String apiKey = BearerKeys.from(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
        if (apiKey == null) {
            return errors.render(GatewayException.invalidApiKey(), exchange.requestId());
        }
        return authenticator.authenticate(apiKey).doOnNext(exchange::authenticated)
                .then(reader.read(request)).doOnNext(exchange::request)
                .then(Mono.defer(() -> planner.plan(exchange.key().teamId(), exchange.request().model())))
                .doOnNext(exchange::plan)
                .then(Mono.defer(() -> admit(exchange)))
                .then(Mono.defer(() -> dispatcher.dispatch(exchange)))
                .onErrorResume(error -> fail(exchange, apiKey, error));
    }

    /**
     * No prompt is tokenised here: nothing is reserved against token or spend budgets yet, and counting cost
     * a tenth of the edge's CPU per request (docs/benchmarks.md). Budgets will count the keys they cover.
     */
    private Mono<AdmissionDecision> admit(ChatExchange exchange) {
        ChatRequest chat = exchange.request();
        long maxOutput = chat.maxOutputTokens() == null ? defaultMaxOutputTokens : chat.maxOutputTokens();
        return admission.admit(new AdmissionRequest(exchange.requestId(), exchange.key().keyId(),
                exchange.key().teamId(), chat.model(), 0, maxOutput));
    }

    private Mono<ServerResponse> fail(ChatExchange exchange, String apiKey, Throwable error) {
        GatewayException failure = error instanceof GatewayException known ? known : unexpected(error);
        if ("invalid_api_key".equals(failure.code())) {
            authenticator.forget(apiKey);
        }
        if (exchange.isAuthenticated() && exchange.finish()) {
            usage.emit(exchange.toUsageEvent(failure.status(), failure.type()));
        }
        return errors.render(failure, exchange.requestId());
    }

    private static GatewayException unexpected(Throwable error) {
        log.error("Unexpected failure serving a chat request", error);
        return new GatewayException(500, "server_error", null, null, "The gateway failed to serve this request.", 0);
    }
}
