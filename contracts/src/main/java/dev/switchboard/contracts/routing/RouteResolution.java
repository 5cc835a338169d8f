package dev.switchboard.contracts.routing;

import dev.switchboard.contracts.routing.RouteExplanation.Consideration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The per-request step of routing, shared by the edge (on every request) and routing-service's dry-run so both
 * answer alike: pick the split arm from the sticky key, then drop candidates whose context window or output
 * limit the request does not fit. Plans are cached per kind of request; this is what varies per request.
 */
public final class RouteResolution {

    /** The candidates to try, in order, and the complete explanation of how they were chosen. */
    public record Resolved(List<RouteCandidate> candidates, RouteExplanation explanation) {

        public Resolved {
            candidates = List.copyOf(candidates);
        }

        /** True when no candidate fits the request: it is too long for every capable model. */
        public boolean nothingFits() {
            return candidates.isEmpty();
        }
    }

    private RouteResolution() {
    }

    /**
     * @param stickyKey    what keeps a user on one split arm (see {@link RouteSplit#stickyBy()}); any string
     * @param inputTokens  the request's estimated input tokens, 0 when unknown
     * @param outputTokens the output tokens the request asks for at most, 0 when it does not say
     */
    public static Resolved resolve(RoutePlan plan, String stickyKey, long inputTokens, long outputTokens) {
        List<RouteCandidate> ordered = plan.candidates();
        String arm = null;
        List<Consideration> notChosen = new ArrayList<>();
        if (plan.split() != null && !plan.split().arms().isEmpty()) {
            RouteSplit.Arm chosen = chooseArm(plan.routeId(), plan.split(), stickyKey);
            arm = chosen.name();
            ordered = chosen.candidates();
            for (RouteSplit.Arm other : plan.split().arms()) {
                if (other != chosen) {
                    for (RouteCandidate candidate : other.candidates()) {
                        notChosen.add(new Consideration(candidate.model(), candidate.providerId(),
                                RouteExplanation.REJECTED, "split arm " + other.name() + " not chosen"));
                    }
                }
            }
        }
        List<RouteCandidate> fitting = new ArrayList<>(ordered.size());
        List<Consideration> verdicts = new ArrayList<>(ordered.size() + notChosen.size());
        for (RouteCandidate candidate : ordered) {
            String misfit = misfit(candidate.capabilities(), inputTokens, outputTokens);
            if (misfit == null) {
                verdicts.add(new Consideration(candidate.model(), candidate.providerId(),
                        fitting.isEmpty() ? RouteExplanation.SELECTED : RouteExplanation.FALLBACK,
                        reasonFor(plan.explanation(), candidate)));
                fitting.add(candidate);
            } else {
                verdicts.add(new Consideration(candidate.model(), candidate.providerId(), RouteExplanation.REJECTED,
                        misfit));
            }
        }
        verdicts.addAll(notChosen);
        RouteExplanation base = plan.explanation() == null
                ? new RouteExplanation(null, null, null, List.of()) : plan.explanation();
        // keep routing's rejections (capabilities, disabled...) of models that are no candidate of any arm
        Set<String> decided = new HashSet<>();
        verdicts.forEach(v -> decided.add(v.model() + '\n' + v.providerId()));
        for (Consideration earlier : base.considered()) {
            if (!decided.contains(earlier.model() + '\n' + earlier.providerId())) {
                verdicts.add(earlier);
            }
        }
        return new Resolved(fitting, base.withArm(arm, verdicts));
    }

    /** Why a candidate cannot take the request, or null when it can. */
    static String misfit(ModelCapabilities facts, long inputTokens, long outputTokens) {
        if (outputTokens > facts.maxOutputTokens()) {
            return "max output " + facts.maxOutputTokens() + " < " + outputTokens + " tokens requested";
        }
        long needed = inputTokens + outputTokens;
        if (needed > facts.contextWindow()) {
            return "context window " + facts.contextWindow() + " < " + needed + " tokens needed";
        }
        return null;
    }

    private static String reasonFor(RouteExplanation explanation, RouteCandidate candidate) {
        if (explanation != null) {
            for (Consideration c : explanation.considered()) {
                if (c.model().equals(candidate.model()) && c.providerId().equals(candidate.providerId())) {
                    return c.reason();
                }
            }
        }
        return null;
    }

    /** The arm for a sticky key: a stable 64-bit hash of route and key, spread over the arms by weight. */
    public static RouteSplit.Arm chooseArm(String routeId, RouteSplit split, String stickyKey) {
        long total = 0;
        for (RouteSplit.Arm arm : split.arms()) {
            total += arm.weight();
        }
        long point = Long.remainderUnsigned(stableHash(routeId + '\n' + (stickyKey == null ? "" : stickyKey)), total);
        for (RouteSplit.Arm arm : split.arms()) {
            point -= arm.weight();
            if (point < 0) {
                return arm;
            }
        }
        return split.arms().get(split.arms().size() - 1);
    }

    /** FNV-1a over UTF-8, then a SplitMix64 finaliser so that nearby keys spread over every bucket. */
    static long stableHash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash *= 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
