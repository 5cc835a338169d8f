package dev.switchboard.edge.routing;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RouteResolution;
import dev.switchboard.contracts.routing.RouteResolution.Resolved;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.tokens.TokenCounter;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The per-request step after the plan: picks the split arm by sticky key and keeps the candidates whose context
 * window the request fits ({@link RouteResolution}). The input tokens come from the byte bound when it settles the
 * question, which is nearly always; only a prompt near the smallest window is tokenized, off the event loop.
 */
@Component
class RouteResolver {

    private final TokenCounter tokens;

    RouteResolver(TokenCounter tokens) {
        this.tokens = tokens;
    }

    /**
     * @param stickyHeader the {@code x-switchboard-sticky-key} header, or null
     * @return the candidates to try in order, with the explanation; a 400 {@code context_length_exceeded} when
     *         the request fits none of them
     */
    Mono<Resolved> resolveChat(RoutePlan plan, ChatRequest chat, String keyId, String stickyHeader,
                                      String requestId) {
        String sticky = StickyKeys.choose(plan.split(), chat.user(), keyId, stickyHeader, requestId);
        long output = chat.maxOutputTokens() == null ? 0 : chat.maxOutputTokens();
        long bound = ContextBounds.tokenUpperBound(chat.messages());
        if (bound + output <= ContextBounds.smallestWindow(plan)) {
            try {
                return Mono.just(fitting(plan, sticky, bound, output));
            } catch (ContextLengthExceededException e) {
                // every window fits, yet an output limit may not
                return Mono.error(e);
            }
        }
        return Mono.fromCallable(() -> fitting(plan, sticky, tokens.countMessages(chat.messages()), output))
                .subscribeOn(Schedulers.parallel());
    }

    /** For requests without a context to fit (embeddings): the arm only. */
    Resolved resolveWithoutTokens(RoutePlan plan, String user, String keyId, String stickyHeader,
                                         String requestId) {
        String sticky = StickyKeys.choose(plan.split(), user, keyId, stickyHeader, requestId);
        return RouteResolution.resolve(plan, sticky, 0, 0);
    }

    static Resolved fitting(RoutePlan plan, String sticky, long input, long output) {
        Resolved resolved = RouteResolution.resolve(plan, sticky, input, output);
        if (resolved.nothingFits()) {
            throw new ContextLengthExceededException(tooLong(plan, sticky, input, output), resolved);
        }
        return resolved;
    }

    private static String tooLong(RoutePlan plan, String sticky, long input, long output) {
        List<RouteCandidate> considered = plan.split() == null || plan.split().arms().isEmpty()
                ? plan.candidates()
                : RouteResolution.chooseArm(plan.routeId(), plan.split(), sticky).candidates();
        long largest = 0;
        int largestOutput = 0;
        for (RouteCandidate candidate : considered) {
            largest = Math.max(largest, candidate.capabilities().contextWindow());
            largestOutput = Math.max(largestOutput, candidate.capabilities().maxOutputTokens());
        }
        return output > largestOutput
                ? "This request asks for up to " + output + " output tokens, more than any model serving '"
                        + plan.requestedModel() + "' produces (at most " + largestOutput + ")."
                : "This request needs about " + (input + output) + " tokens (" + input + " input + " + output
                        + " output), more than the largest context window of the models serving '"
                        + plan.requestedModel() + "' (" + largest + " tokens).";
    }
}
