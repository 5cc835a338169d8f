package dev.switchboard.edge.metrics;

import dev.switchboard.contracts.quota.AdmissionDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Requests admission refused, by team and reason ({@code switchboard_edge_quota_refusals_total}). Counted where the
 * decision arrives because the usage event keeps only the error type, and a provider's own 429 shares that with a
 * rate-limit refusal. {@value #UNAVAILABLE} counts the fail-closed 503s when quota-service cannot decide.
 */
@Component
public class QuotaRefusalMetrics {

    static final String REFUSALS = "switchboard.edge.quota.refusals";
    public static final String UNAVAILABLE = "unavailable";

    private static final Set<String> REASONS = Set.of(AdmissionDecision.KEY_UNKNOWN, AdmissionDecision.KEY_REVOKED,
            AdmissionDecision.MODEL_NOT_ALLOWED, AdmissionDecision.MODEL_NOT_PRICED,
            AdmissionDecision.MAX_TOKENS_EXCEEDED, AdmissionDecision.RATE_LIMITED, AdmissionDecision.BUDGET_EXCEEDED,
            UNAVAILABLE);

    private final MeterRegistry registry;
    private final TeamTags teams;
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Counter>> byTeam = new ConcurrentHashMap<>();

    public QuotaRefusalMetrics(MeterRegistry registry, TeamTags teams) {
        this.registry = registry;
        this.teams = teams;
    }

    /** {@code reason} is one of {@link AdmissionDecision}'s codes or {@link #UNAVAILABLE}; others count as other. */
    public void refused(String teamId, String reason) {
        String team = teams.of(teamId);
        String known = reason != null && REASONS.contains(reason) ? reason : "other";
        ConcurrentHashMap<String, Counter> byReason = byTeam.get(team);
        if (byReason == null) {
            byReason = byTeam.computeIfAbsent(team, key -> new ConcurrentHashMap<>());
        }
        Counter counter = byReason.get(known);
        if (counter == null) {
            counter = byReason.computeIfAbsent(known, key -> Counter.builder(REFUSALS)
                    .description("Requests admission refused, by reason").tag("team", team).tag("reason", key)
                    .register(registry));
        }
        counter.increment();
    }
}
