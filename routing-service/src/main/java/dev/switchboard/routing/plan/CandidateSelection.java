package dev.switchboard.routing.plan;

import dev.switchboard.contracts.routing.RequiredCapabilities;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.contracts.routing.RouteExplanation;
import dev.switchboard.contracts.routing.RouteExplanation.Consideration;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import dev.switchboard.routing.plan.RegistrySnapshot.ModelFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds one ordered candidate list and the verdict on every model looked at. Models are offered in order: the
 * primary (or the ranked pool), the route's fallbacks, then each offered model's own fallbacks, breadth first.
 * A model is offered once; after the first candidate, only models covering the required capabilities are kept,
 * and at most {@code maxCandidates}. A rejected model's fallbacks are still followed: that is what they are for.
 */
final class CandidateSelection {

    private final RegistrySnapshot registry;
    private final RequiredCapabilities required;
    private final String operation;
    private final int maxCandidates;
    private final List<RouteCandidate> candidates = new ArrayList<>();
    private final List<Consideration> considered = new ArrayList<>();
    private final Set<String> offered = new HashSet<>();
    private final List<String> toExpand = new ArrayList<>();
    private String primaryGap;

    CandidateSelection(RegistrySnapshot registry, RoutePlanRequest request, int maxCandidates) {
        this.registry = registry;
        this.required = request.requires();
        this.operation = request.operation();
        this.maxCandidates = maxCandidates;
    }

    /**
     * The model the request or rule names explicitly. It is served as asked even when it lacks a required
     * capability (the gap is noted), because the caller chose it; failover never adds such a model.
     */
    void offerExplicit(String name, String why) {
        offer(registry.resolve(name), why, true);
    }

    /** A ranked or fallback model: kept only when it covers the required capabilities. */
    void offerCapable(String name, String why) {
        offer(registry.resolve(name), why, false);
    }

    /** Offers the model fallbacks of every model offered so far, and of theirs, in breadth-first order. */
    void offerModelFallbacks() {
        for (int i = 0; i < toExpand.size(); i++) {
            String from = toExpand.get(i);
            for (String fallback : registry.models().get(from).fallbacks()) {
                offerCapable(fallback, "model fallback of " + from);
            }
        }
    }

    List<RouteCandidate> candidates() {
        return List.copyOf(candidates);
    }

    List<Consideration> considered() {
        return List.copyOf(considered);
    }

    /** The capabilities an explicitly asked model lacks but was served without, e.g. {@code tools}; else null. */
    String primaryGap() {
        return primaryGap;
    }

    private void offer(String model, String why, boolean explicit) {
        if (!offered.add(model)) {
            return;
        }
        ModelFacts facts = registry.models().get(model);
        if (facts == null) {
            return; // the admin API keeps references valid; a name that is gone has nothing to explain
        }
        toExpand.add(model);
        String rejection = rejection(facts, explicit);
        if (rejection != null) {
            considered.add(new Consideration(model, facts.providerId(), RouteExplanation.REJECTED, rejection));
            return;
        }
        List<String> missing = required.missingFrom(facts.capabilities());
        String reason = why;
        if (!missing.isEmpty()) {
            primaryGap = String.join(", ", missing);
            reason = why + "; lacks " + primaryGap + ", served as asked";
        }
        considered.add(new Consideration(model, facts.providerId(),
                candidates.isEmpty() ? RouteExplanation.SELECTED : RouteExplanation.FALLBACK, reason));
        candidates.add(registry.candidate(facts));
    }

    /** Why a model of the wrong kind cannot serve, e.g. {@code an embedding model cannot serve chat requests}. */
    static String kindMismatch(ModelFacts facts, String operation) {
        return (facts.kind().equals(RoutePlanRequest.EMBEDDING) ? "an embedding model" : "a chat model")
                + " cannot serve " + operation + " requests";
    }

    private String rejection(ModelFacts facts, boolean explicit) {
        if (!facts.kind().equals(operation)) {
            return kindMismatch(facts, operation);
        }
        if (!facts.enabled()) {
            return "disabled";
        }
        if (!registry.providers().get(facts.providerId()).enabled()) {
            return "provider " + facts.providerId() + " disabled";
        }
        List<String> missing = required.missingFrom(facts.capabilities());
        if (!missing.isEmpty() && !(explicit && candidates.isEmpty())) {
            return "lacks " + String.join(", ", missing);
        }
        if (candidates.size() >= maxCandidates) {
            return "beyond the limit of " + maxCandidates + " candidates";
        }
        return null;
    }
}
