package dev.switchboard.edge.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param planCacheTtl          how long a route plan is reused before routing-service is asked again
 * @param stalePlanMaxAge       how old a plan may grow while routing-service is unreachable and it stands in
 * @param registryPollInterval  how often the registry state is checked; a version change drops every cached plan
 * @param latencyReportInterval how often this edge reports its per-deployment latencies to routing-service
 */
@ConfigurationProperties("switchboard.edge.routing")
public record RoutingProperties(@DefaultValue("5s") Duration planCacheTtl,
                                @DefaultValue("10000") int planCacheSize,
                                @DefaultValue("10m") Duration stalePlanMaxAge,
                                @DefaultValue("1s") Duration registryPollInterval,
                                @DefaultValue("10s") Duration latencyReportInterval) {
}
