package dev.switchboard.contracts.routing;

import java.util.List;

/**
 * Why a request got its model: the rule that matched (null when none did and the model was served as asked),
 * the strategy, and each model considered with its verdict. It is returned by the dry-run API and recorded in
 * the usage event.
 *
 * @param rule     the matched rule's name, or null
 * @param strategy {@code model}, {@code alias}, {@code cheapest}, {@code fastest} or {@code split}
 * @param arm      the split arm chosen, else null
 */
public record RouteExplanation(String rule, String strategy, String arm, List<Consideration> considered) {

    public static final String SELECTED = "selected";
    public static final String FALLBACK = "fallback";
    public static final String REJECTED = "rejected";

    public RouteExplanation {
        considered = considered == null ? List.of() : List.copyOf(considered);
    }

    /**
     * One model looked at: {@code verdict} is {@code selected} (first candidate), {@code fallback} (a later
     * candidate) or {@code rejected}; {@code reason} says why, e.g. {@code lacks tools} or
     * {@code context window 8192 < 12000 tokens needed}.
     */
    public record Consideration(String model, String providerId, String verdict, String reason) {
    }

    RouteExplanation withArm(String chosenArm, List<Consideration> replaced) {
        return new RouteExplanation(rule, strategy, chosenArm, replaced);
    }
}
