package dev.switchboard.usage;

import dev.switchboard.contracts.usage.UsageAttempt;
import dev.switchboard.contracts.usage.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Usage events with unique ids: the topic is shared by every test, so tests find their own events by id. */
public final class TestUsageEvents {

    private TestUsageEvents() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /**
     * A fully populated event. The time has microsecond precision, which is what Postgres keeps, so the event
     * read back from the ledger equals the one sent.
     */
    public static UsageEvent event(String requestId, String teamId, Instant occurredAt) {
        return new UsageEvent(requestId, occurredAt, teamId, "key-7", "alice",
                Map.of("app", "chatbot", "env", "prod"), "default", "gpt-4o-mini", "openai-main", "gpt-4o-mini",
                "2024-07-18",
                List.of(new UsageAttempt("openai-backup", "gpt-4o-mini", "error", 503, 120, "provider_unavailable"),
                        new UsageAttempt("openai-main", "gpt-4o-mini", "success", 200, 840, null)),
                90, 10, 0, true, new BigDecimal("0.0000135"), "p-2025-05", "miss", true, 310L, 960, 200, null);
    }

    public static UsageEvent withCost(UsageEvent e, BigDecimal cost) {
        return new UsageEvent(e.requestId(), e.occurredAt(), e.teamId(), e.keyId(), e.user(), e.tags(), e.routeId(),
                e.requestedModel(), e.providerId(), e.servedModel(), e.modelVersion(), e.attempts(), e.inputTokens(),
                e.cachedInputTokens(), e.outputTokens(), e.tokensEstimated(), cost, e.priceVersion(),
                e.cacheOutcome(), e.stream(), e.timeToFirstTokenMillis(), e.latencyMillis(), e.status(),
                e.errorType());
    }

    public static UsageEvent withReservation(UsageEvent e, String reservationId) {
        return new UsageEvent(e.requestId(), e.occurredAt(), e.teamId(), e.keyId(), e.user(), e.tags(), e.routeId(),
                e.requestedModel(), e.providerId(), e.servedModel(), e.modelVersion(), e.attempts(), e.inputTokens(),
                e.cachedInputTokens(), e.outputTokens(), e.tokensEstimated(), e.cost(), e.priceVersion(),
                e.cacheOutcome(), e.stream(), e.timeToFirstTokenMillis(), e.latencyMillis(), e.status(),
                e.errorType(), e.route(), e.servedBy(), reservationId);
    }

    public static UsageEvent event(String requestId, String teamId) {
        return event(requestId, teamId, Instant.parse("2025-06-01T12:30:45.123456Z"));
    }
}
