package dev.switchboard.routing.plan;

import dev.switchboard.contracts.routing.RequiredCapabilities;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/route-plans/dry-run}: what the edge would ask, plus the per-request facts it applies
 * itself (sticky key, token counts).
 *
 * @param stickyKey       wins over {@code user} as the split's sticky key, like the edge's sticky-key header
 * @param inputTokens     estimated input tokens, 0 or absent when unknown
 * @param maxOutputTokens the output tokens the request asks for at most, 0 or absent when it does not say
 * @param operation       {@code chat} (default) or {@code embedding}
 */
record DryRunRequest(@Size(max = 128) String teamId, @NotBlank String model, @Size(max = 64) String task,
                     @Size(max = 50) Map<String, String> tags, Requires requires,
                     @Size(max = 256) String user, @Size(max = 256) String stickyKey,
                     @PositiveOrZero @Max(100_000_000) Long inputTokens,
                     @PositiveOrZero @Max(100_000_000) Long maxOutputTokens,
                     @Pattern(regexp = "chat|embedding", message = "must be chat or embedding") String operation) {

    RoutePlanRequest planRequest() {
        return new RoutePlanRequest(teamId, model, task, tags, requires == null ? null : requires.capabilities(),
                operation);
    }

    String effectiveStickyKey() {
        return stickyKey != null ? stickyKey : user;
    }

    /** What the request needs; unlike the edge's {@link RequiredCapabilities}, admins may name only what is set. */
    record Requires(Boolean tools, Boolean structuredOutput, Boolean vision, Boolean reasoning) {

        RequiredCapabilities capabilities() {
            return new RequiredCapabilities(Boolean.TRUE.equals(tools), Boolean.TRUE.equals(structuredOutput),
                    Boolean.TRUE.equals(vision), Boolean.TRUE.equals(reasoning));
        }
    }
}
