package dev.switchboard.edge.models;

import dev.switchboard.contracts.routing.ModelCatalog;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.internal.ExpiringCache;
import dev.switchboard.edge.internal.InternalServiceClient;
import dev.switchboard.edge.internal.ServiceUnavailableException;
import dev.switchboard.edge.routing.RoutingProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Each team's model catalog from routing-service, cached as long as route plans are. */
@Component
class ModelCatalogs {

    private final InternalServiceClient routing;
    private final ExpiringCache<String, ModelCatalog> cache;

    ModelCatalogs(@Qualifier("routingServiceClient") InternalServiceClient routing, RoutingProperties properties) {
        this.routing = routing;
        this.cache = new ExpiringCache<>(properties.planCacheTtl(), properties.planCacheSize());
    }

    Mono<ModelCatalog> forTeam(String teamId) {
        return cache.get(teamId, this::lookUp);
    }

    private Mono<ModelCatalog> lookUp(String teamId) {
        return routing.get("/internal/v1/models?teamId=" + URLEncoder.encode(teamId, StandardCharsets.UTF_8),
                        ModelCatalog.class)
                .onErrorMap(ServiceUnavailableException.class,
                        e -> GatewayException.unavailable("The model list is temporarily unavailable."))
                .map(response -> {
                    if (!response.ok()) {
                        throw GatewayException.unavailable("The model list is temporarily unavailable.");
                    }
                    return response.body();
                });
    }
}
