package dev.switchboard.edge.metrics;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxTeams distinct team tag values one edge keeps; teams seen after that are tagged {@code other}, so a
 *                 fleet of many small teams cannot grow the number of series without bound
 */
@ConfigurationProperties("switchboard.edge.metrics")
@Validated
public record MetricsProperties(@DefaultValue("200") @Positive int maxTeams) {
}
