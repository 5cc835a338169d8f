package dev.switchboard.edge.routing;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/** Wires the plan cache to routing-service and the background watch of its registry version. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    RoutePlanCache routePlanCache(RoutePlanClient client, RoutingProperties properties) {
        return new RoutePlanCache(client::fetchPlan, properties, Clock.systemUTC());
    }

    @Bean
    RegistryVersionPoller registryVersionPoller(RoutePlanClient client, RoutePlanCache cache,
                                                RoutingProperties properties) {
        return new RegistryVersionPoller(client::fetchRegistryVersion, cache, properties.registryPollInterval(),
                Schedulers.parallel());
    }
}
