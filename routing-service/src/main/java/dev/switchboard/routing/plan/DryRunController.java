package dev.switchboard.routing.plan;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.contracts.routing.RouteExplanation;
import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RouteResolution;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API: "which route and model would this request get, and why", answered exactly as the edge would (the
 * same plan, then the same {@link RouteResolution}), without calling any provider.
 */
@RestController
class DryRunController {

    private final RoutePlanner planner;

    DryRunController(RoutePlanner planner) {
        this.planner = planner;
    }

    @PostMapping("/api/v1/route-plans/dry-run")
    DryRun dryRun(@Valid @RequestBody DryRunRequest request) {
        RoutePlan plan = planner.plan(request.planRequest());
        RouteResolution.Resolved resolved = RouteResolution.resolve(plan, request.effectiveStickyKey(),
                zeroIfAbsent(request.inputTokens()), zeroIfAbsent(request.maxOutputTokens()));
        String served = resolved.nothingFits() ? null : resolved.candidates().get(0).model();
        String summary = resolved.nothingFits()
                ? "no candidate can serve this request: " + plan.reason()
                : plan.reason() + (resolved.explanation().arm() == null ? "" : "; arm " + resolved.explanation().arm())
                        + "; serves " + served;
        return new DryRun(plan.routeId(), served, resolved.explanation().arm(), resolved.nothingFits(), summary,
                resolved.candidates(), resolved.explanation(), plan);
    }

    private static long zeroIfAbsent(Long tokens) {
        return tokens == null ? 0 : tokens;
    }

    /**
     * The dry-run's answer: the served model (null when nothing fits), the ordered candidates after the
     * per-request step, the complete explanation, and the plan the edge would have cached.
     */
    record DryRun(String routeId, String servedModel, String arm, boolean nothingFits, String summary,
                  List<RouteCandidate> candidates, RouteExplanation explanation, RoutePlan plan) {
    }
}
