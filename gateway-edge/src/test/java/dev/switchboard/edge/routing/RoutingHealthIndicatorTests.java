package dev.switchboard.edge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;

class RoutingHealthIndicatorTests {

    private static final RoutePlanRequest KEY = new RoutePlanRequest("team-a", "gpt-4o-mini");

    private final MutableClock clock = new MutableClock();
    private boolean routingUp = true;
    private final RoutePlanCache cache = new RoutePlanCache(key -> routingUp
            ? Mono.just(new RoutePlan("r", key.model(), List.of(), 1, ""))
            : Mono.error(new RoutingUnavailableException("routing-service answered 503", null)),
            new RoutingProperties(Duration.ofSeconds(5), 100, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(10)), clock);
    private final RoutingHealthIndicator indicator = new RoutingHealthIndicator(cache);

    @Test
    void isUpWithoutStalePlans() {
        cache.get(KEY).block();

        Health health = indicator.current();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("servingStalePlans", false);
    }

    @Test
    void staysUpButSaysSoWhileServingStalePlans() {
        cache.get(KEY).block();
        routingUp = false;
        clock.advance(Duration.ofSeconds(6));
        cache.get(KEY).block();

        Health health = indicator.current();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("servingStalePlans", true)
                .containsEntry("stalePlans", 1)
                .containsEntry("since", clock.instant().toString())
                .containsEntry("lastError", "routing-service answered 503");
    }
}
