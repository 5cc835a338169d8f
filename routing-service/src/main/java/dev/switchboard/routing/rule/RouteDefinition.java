package dev.switchboard.routing.rule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * One route rule as the admin API takes it ({@code PUT /api/v1/routes/{name}}) and as it is stored. Checks that
 * need the registry (names that exist, what fits the strategy) live in {@link RouteCheck}.
 *
 * @param position  evaluation order, lowest first; unique
 * @param enabled   defaults to true; disabled rules are skipped
 * @param match     absent fields, or {@code *}, match anything
 * @param strategy  {@code model}, {@code alias}, {@code cheapest}, {@code fastest} or {@code split}
 * @param target    the model ({@code model}) or alias ({@code alias}) that serves
 * @param pool      models or aliases {@code cheapest}/{@code fastest} choose from; empty means every enabled model
 * @param fallbacks models or aliases to fail over to after the chosen ones, before their own model fallbacks
 * @param resilience the attempt cap and hedging for requests the rule routes; absent means the edge's defaults
 */
public record RouteDefinition(
        @NotNull @PositiveOrZero @Max(1_000_000) Integer position,
        Boolean enabled,
        @Size(max = 500) String description,
        @Valid Match match,
        @NotBlank @Pattern(regexp = "model|alias|cheapest|fastest|split",
                message = "must be one of model, alias, cheapest, fastest, split") String strategy,
        String target,
        @Size(max = 50) List<@NotBlank String> pool,
        @Valid Split split,
        @Size(max = 10) List<@NotBlank String> fallbacks,
        @Valid Cache cache,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}",
                message = "must be 1 to 63 lower-case letters, digits and '-'") String> guardrails,
        @Valid RateLimit rateLimit,
        @Valid Resilience resilience) {

    public RouteDefinition {
        enabled = enabled == null || enabled;
        match = match == null ? Match.ANY : match;
        pool = pool == null ? List.of() : pool;
        fallbacks = fallbacks == null ? List.of() : fallbacks;
        guardrails = guardrails == null ? List.of() : guardrails;
    }

    /**
     * What requests the rule applies to; {@code tags} must all be present with equal values. {@code operation} is
     * {@code chat} (the default, also when absent) or {@code embedding}.
     */
    public record Match(
            @Pattern(regexp = "\\*|[A-Za-z0-9._:-]{1,128}",
                    message = "must be * or 1 to 128 letters, digits, '.', '_', ':' or '-'") String team,
            String model,
            @Pattern(regexp = "\\*|[A-Za-z0-9._:-]{1,64}",
                    message = "must be * or 1 to 64 letters, digits, '.', '_', ':' or '-'") String task,
            Map<String, String> tags,
            @Pattern(regexp = "chat|embedding", message = "must be chat or embedding") String operation) {

        static final Match ANY = new Match(null, null, null, null, null);

        public Match {
            tags = tags == null ? Map.of() : tags;
        }
    }

    /** A weighted A/B split; {@code stickyBy} is {@code user} (default) or {@code request}. */
    public record Split(
            @Pattern(regexp = "user|request", message = "must be user or request") String stickyBy,
            @NotNull @Size(min = 2, max = 10, message = "a split needs 2 to 10 arms") List<@NotNull @Valid Arm> arms) {

        public Split {
            stickyBy = stickyBy == null ? "user" : stickyBy;
        }
    }

    /** One arm of a split: a model or alias and its weight relative to the other arms. */
    public record Arm(@NotBlank String target, @NotNull @Positive @Max(10_000) Integer weight) {
    }

    /** Response caching for the route: {@code enabled false} turns it off; the TTL is in seconds, at most a week. */
    public record Cache(@NotNull Boolean enabled, @Positive @Max(604_800) Long ttlSeconds) {
    }

    /** Per-team limits for the route. */
    public record RateLimit(@Positive @Max(1_000_000_000) Long requestsPerMinute,
                            @Positive @Max(1_000_000_000_000L) Long tokensPerMinute) {
    }

    /**
     * How hard the edge tries for one request: {@code maxAttempts} caps retries, failovers and hedges together
     * (absent: the edge's own cap); {@code hedgeAfterMillis} starts a second attempt on the next candidate when a
     * non-streamed first one has not answered in time (absent: no hedging). Hedging needs {@code maxAttempts} of at
     * least 2, which {@link RouteCheck} enforces.
     */
    public record Resilience(@Min(1) @Max(10) Integer maxAttempts, @Min(50) @Max(600_000) Long hedgeAfterMillis) {
    }
}
