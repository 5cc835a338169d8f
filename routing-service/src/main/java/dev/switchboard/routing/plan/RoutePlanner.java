package dev.switchboard.routing.plan;

import dev.switchboard.contracts.routing.RequiredCapabilities;
import dev.switchboard.contracts.routing.RouteExplanation;
import dev.switchboard.contracts.routing.RouteExplanation.Consideration;
import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import dev.switchboard.contracts.routing.RoutePolicy;
import dev.switchboard.contracts.routing.RouteSplit;
import dev.switchboard.routing.latency.LatencyStatistics;
import dev.switchboard.routing.plan.PoolRanking.Ranked;
import dev.switchboard.routing.plan.RegistrySnapshot.ModelFacts;
import dev.switchboard.routing.rule.RouteDefinition;
import dev.switchboard.routing.rule.RouteRule;
import dev.switchboard.serviceweb.ServiceException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Builds the plan for a request: the first enabled rule that matches decides the strategy; when none does, the
 * requested name is served as the model or alias it is. Team pins and overrides are rules that match a team,
 * placed before the general rules. Everything comes from one registry snapshot; only {@code fastest} reads the
 * latency figures.
 */
@Service
class RoutePlanner {

    static final String DIRECT_MODEL_REASON = "explicit model";

    private final RegistrySnapshots snapshots;
    private final LatencyStatistics latency;
    private final int maxCandidates;

    RoutePlanner(RegistrySnapshots snapshots, LatencyStatistics latency, PlanProperties properties) {
        this.snapshots = snapshots;
        this.latency = latency;
        this.maxCandidates = properties.maxCandidates();
    }

    RoutePlan plan(RoutePlanRequest request) {
        String model = request.model();
        if (model == null || model.isBlank()) {
            throw ServiceException.invalid("model: must not be blank");
        }
        if (!RoutePlanRequest.CHAT.equals(request.operation()) && !RoutePlanRequest.EMBEDDING.equals(request.operation())) {
            throw ServiceException.invalid("operation: must be chat or embedding");
        }
        RegistrySnapshot registry = snapshots.current();
        for (RouteRule rule : registry.rules()) {
            if (RuleMatcher.matches(rule.definition().match(), request)) {
                return planByRule(registry, rule, request);
            }
        }
        return planAsAsked(registry, request);
    }

    /** Current registry version and the tag keys rules match on, from the same snapshot plans use. */
    RegistrySnapshot registry() {
        return snapshots.current();
    }

    private RoutePlan planAsAsked(RegistrySnapshot registry, RoutePlanRequest request) {
        String name = request.model();
        boolean alias = !registry.models().containsKey(name) && registry.aliases().containsKey(name);
        ModelFacts model = registry.models().get(registry.resolve(name));
        if (model == null || !model.enabled()) {
            // disabled and unknown read the same, so a caller cannot probe which models exist
            throw ServiceException.notFound("The model '" + name + "' does not exist or you do not have access to it.");
        }
        if (!model.kind().equals(request.operation())) {
            // asked by name, so the client is wrong, not the registry: say so rather than fail over elsewhere
            throw ServiceException.invalid("model: '" + name + "' is not a " + request.operation() + " model");
        }
        CandidateSelection selection = new CandidateSelection(registry, request, maxCandidates);
        String reason = alias ? aliasReason(name, model.name()) : DIRECT_MODEL_REASON;
        selection.offerExplicit(model.name(), reason);
        selection.offerModelFallbacks();
        String routeId = alias ? aliasRouteId(name) : directRouteId(name);
        return new RoutePlan(routeId, name, selection.candidates(), registry.version(),
                withOutcome(reason, model.name(), selection), null, null,
                new RouteExplanation(null, alias ? "alias" : "model", null, selection.considered()));
    }

    private RoutePlan planByRule(RegistrySnapshot registry, RouteRule rule, RoutePlanRequest request) {
        RouteDefinition route = rule.definition();
        String prefix = "rule " + rule.name() + ": ";
        RoutePolicy policy = policy(route);
        if ("split".equals(route.strategy())) {
            return splitPlan(registry, rule, request, policy);
        }
        CandidateSelection selection = new CandidateSelection(registry, request, maxCandidates);
        String reason;
        String intended;
        switch (route.strategy()) {
            case "model" -> {
                intended = route.target();
                reason = prefix + "model " + intended;
                selection.offerExplicit(intended, "target of rule " + rule.name());
            }
            case "alias" -> {
                intended = registry.resolve(route.target());
                reason = prefix + aliasReason(route.target(), intended);
                selection.offerExplicit(intended, "target of rule " + rule.name() + " (alias " + route.target() + ")");
            }
            default -> {
                List<Ranked> ranked = rank(registry, route, request.operation());
                intended = null;
                reason = prefix + route.strategy() + " capable";
                ranked.forEach(model -> selection.offerCapable(model.model(), model.why()));
            }
        }
        offerFallbacks(selection, route);
        List<Consideration> considered = selection.considered();
        return new RoutePlan(ruleRouteId(rule.name()), request.model(), selection.candidates(), registry.version(),
                withOutcome(reason, intended, selection), null, policy,
                new RouteExplanation(rule.name(), route.strategy(), null, considered));
    }

    private RoutePlan splitPlan(RegistrySnapshot registry, RouteRule rule, RoutePlanRequest request,
                                RoutePolicy policy) {
        RouteDefinition route = rule.definition();
        List<RouteSplit.Arm> arms = new ArrayList<>();
        List<Consideration> considered = new ArrayList<>();
        List<String> weights = new ArrayList<>();
        for (RouteDefinition.Arm arm : route.split().arms()) {
            CandidateSelection selection = new CandidateSelection(registry, request, maxCandidates);
            selection.offerExplicit(arm.target(), "split arm " + arm.target() + " (weight " + arm.weight() + ")");
            offerFallbacks(selection, route);
            arms.add(new RouteSplit.Arm(arm.target(), arm.weight(), selection.candidates()));
            considered.addAll(selection.considered());
            weights.add(arm.target() + " " + arm.weight());
        }
        String reason = "rule " + rule.name() + ": split " + String.join(" / ", weights);
        return new RoutePlan(ruleRouteId(rule.name()), request.model(), List.of(), registry.version(), reason,
                new RouteSplit(route.split().stickyBy(), arms), policy,
                new RouteExplanation(rule.name(), "split", null, considered));
    }

    private void offerFallbacks(CandidateSelection selection, RouteDefinition route) {
        route.fallbacks().forEach(name -> selection.offerCapable(name, "route fallback"));
        selection.offerModelFallbacks();
    }

    private List<Ranked> rank(RegistrySnapshot registry, RouteDefinition route, String operation) {
        List<ModelFacts> pool = route.pool().isEmpty()
                ? registry.models().values().stream()
                        .filter(model -> model.enabled() && model.kind().equals(operation))
                        .sorted(Comparator.comparing(ModelFacts::name)).toList()
                : route.pool().stream().map(name -> registry.models().get(registry.resolve(name))).toList();
        return "fastest".equals(route.strategy())
                ? PoolRanking.fastest(pool, latency.recent(), latency.minSamples())
                : PoolRanking.cheapest(pool);
    }

    /** The reason, completed with what became of the intended model: a gap, a failover, or nothing to serve. */
    private static String withOutcome(String reason, String intended, CandidateSelection selection) {
        if (selection.candidates().isEmpty()) {
            return reason + "; no candidate can serve the request";
        }
        String first = selection.candidates().get(0).model();
        if (intended == null) {
            return reason + " -> " + first;
        }
        if (!first.equals(intended)) {
            return reason + "; " + intended + " cannot serve, failing over to " + first;
        }
        return selection.primaryGap() == null ? reason
                : reason + "; lacks " + selection.primaryGap() + ", served as asked";
    }

    private static RoutePolicy policy(RouteDefinition route) {
        RouteDefinition.Cache cache = route.cache();
        RouteDefinition.RateLimit limit = route.rateLimit();
        RouteDefinition.Resilience resilience = route.resilience();
        return new RoutePolicy(cache == null ? null : cache.enabled(), cache == null ? null : cache.ttlSeconds(),
                route.guardrails(), limit == null ? null : limit.requestsPerMinute(),
                limit == null ? null : limit.tokensPerMinute(),
                resilience == null ? null : resilience.maxAttempts(),
                resilience == null ? null : resilience.hedgeAfterMillis());
    }

    static String directRouteId(String model) {
        return "model:" + model;
    }

    static String aliasRouteId(String alias) {
        return "alias:" + alias;
    }

    static String ruleRouteId(String rule) {
        return "rule:" + rule;
    }

    static String aliasReason(String alias, String model) {
        return "alias " + alias + " -> " + model;
    }
}
