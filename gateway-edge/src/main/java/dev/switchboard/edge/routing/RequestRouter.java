package dev.switchboard.edge.routing;

import dev.switchboard.edge.api.GatewayHeaders;
import dev.switchboard.edge.pipeline.RequestExchange;
import dev.switchboard.edge.provider.ChatRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * The route step of the pipeline: the plan for this kind of request (cached per {@code RoutePlanRequest}), then
 * its resolution for this one request (split arm, context fit), both recorded on the exchange.
 */
@Component
public class RequestRouter {

    private final PlanRequests planRequests;
    private final RoutePlanner planner;
    private final RouteResolver resolver;

    RequestRouter(PlanRequests planRequests, RoutePlanner planner, RouteResolver resolver) {
        this.planRequests = planRequests;
        this.planner = planner;
        this.resolver = resolver;
    }

    public Mono<Void> routeChat(RequestExchange exchange, ChatRequest chat, ServerRequest.Headers headers) {
        String task = headers.firstHeader(GatewayHeaders.TASK);
        return planner.plan(planRequests.forChat(exchange.key().teamId(), chat, task))
                .doOnNext(exchange::plan)
                .flatMap(plan -> resolver.resolveChat(plan, chat, exchange.key().keyId(),
                        headers.firstHeader(GatewayHeaders.STICKY_KEY), exchange.requestId()))
                .doOnNext(exchange::route)
                .then();
    }

    public Mono<Void> routeEmbeddings(RequestExchange exchange, String model, String user,
                                      ServerRequest.Headers headers) {
        return planner.plan(planRequests.forEmbeddings(exchange.key().teamId(), model,
                        headers.firstHeader(GatewayHeaders.TASK)))
                .doOnNext(plan -> {
                    exchange.plan(plan);
                    exchange.route(resolver.resolveWithoutTokens(plan, user, exchange.key().keyId(),
                            headers.firstHeader(GatewayHeaders.STICKY_KEY), exchange.requestId()));
                })
                .then();
    }
}
