package dev.switchboard.edge.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param planCacheTtl how long a route plan is reused before routing-service is asked again */
@ConfigurationProperties("switchboard.edge.routing")
public record RoutingProperties(@DefaultValue("5s") Duration planCacheTtl,
                                @DefaultValue("10000") int planCacheSize) {
}
