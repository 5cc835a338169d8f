package dev.switchboard.edge.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param planCacheTtl          how long a route plan is reused before routing-service is asked again
 * @param stalePlanMaxAge       how old a plan may grow while routing-service is unreachable and it stands in
 * @param registryPollInterval  how often the registry version is checked; a change drops every cached plan
 */
@ConfigurationProperties("switchboard.edge.routing")
public record RoutingProperties(@DefaultValue("5s") Duration planCacheTtl,
                                @DefaultValue("10000") int planCacheSize,
                                @DefaultValue("10m") Duration stalePlanMaxAge,
                                @DefaultValue("1s") Duration registryPollInterval) {
}
