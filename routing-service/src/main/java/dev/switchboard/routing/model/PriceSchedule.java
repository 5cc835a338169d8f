package dev.switchboard.routing.model;

import dev.switchboard.serviceweb.ServiceException;
import java.time.Duration;
import java.time.Instant;

/** The rule for when a new price may take effect. */
final class PriceSchedule {

    /**
     * Slack for the caller's clock running behind ours. More than that is refused: plans already handed out,
     * and the bills made from them, name the price that was in force, and a back-dated row would contradict them.
     */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

    private PriceSchedule() {
    }

    static void checkNotPast(Instant effectiveFrom, Instant now) {
        if (effectiveFrom != null && effectiveFrom.isBefore(now.minus(CLOCK_SLACK))) {
            throw ServiceException.invalid("price.effectiveFrom: must not be in the past");
        }
    }
}
