package dev.switchboard.edge.routing;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/** Wires the plan cache to routing-service and the background watch of its registry state. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    RoutePlanCache routePlanCache(RoutePlanClient client, RoutingProperties properties) {
        return new RoutePlanCache(client::fetchPlan, properties, Clock.systemUTC());
    }

    @Bean
    TagKeys tagKeys() {
        return new TagKeys();
    }

    @Bean
    RegistryVersionPoller registryVersionPoller(RoutePlanClient client, RoutePlanCache cache, TagKeys tagKeys,
                                                RoutingProperties properties) {
        return new RegistryVersionPoller(client::fetchRegistryState, cache, tagKeys,
                properties.registryPollInterval(), Schedulers.parallel());
    }
}
