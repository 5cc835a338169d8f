package dev.switchboard.routing.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code switchboard.routing.plan.*}.
 *
 * @param maxCandidates the most candidates one plan (or one split arm) lists for failover, default 5; each extra
 *                      one is another provider call a failing request may make before it gives up
 */
@Validated
@ConfigurationProperties("switchboard.routing.plan")
record PlanProperties(@Positive @Max(20) Integer maxCandidates) {

    PlanProperties {
        maxCandidates = maxCandidates == null ? 5 : maxCandidates;
    }
}
