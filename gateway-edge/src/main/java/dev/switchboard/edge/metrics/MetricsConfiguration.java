package dev.switchboard.edge.metrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One team cap per edge, shared by every meter that carries a team tag. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    TeamTags teamTags(MetricsProperties properties) {
        return new TeamTags(properties.maxTeams());
    }
}
