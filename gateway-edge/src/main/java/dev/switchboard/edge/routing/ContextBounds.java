package dev.switchboard.edge.routing;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RouteSplit;
import tools.jackson.databind.JsonNode;

/**
 * The cheap half of context fitting. A byte-level BPE token covers at least one byte, so the UTF-8 size of a
 * prompt's text bounds its token count from above: when that bound, the chat framing and the requested output fit
 * the smallest window among a plan's candidates, every candidate fits and no tokenizer needs to run.
 */
final class ContextBounds {

    /** The framing the chat format adds per message and for the reply, as {@code tokens.TokenCounter} counts it. */
    static final int TOKENS_PER_MESSAGE = 3;
    static final int TOKENS_PER_REPLY = 3;

    private ContextBounds() {
    }

    /** An upper bound of the prompt tokens of an OpenAI {@code messages} array, without allocating. */
    static long tokenUpperBound(JsonNode messages) {
        long bound = TOKENS_PER_REPLY;
        for (JsonNode message : messages) {
            bound += TOKENS_PER_MESSAGE + utf8Length(message.path("name").asString(""));
            JsonNode content = message.path("content");
            if (content.isString()) {
                bound += utf8Length(content.stringValue());
            } else {
                for (JsonNode part : content) {
                    bound += utf8Length(part.path("text").asString(""));
                }
            }
            for (JsonNode call : message.path("tool_calls")) {
                JsonNode function = call.path("function");
                bound += utf8Length(function.path("name").asString(""))
                        + utf8Length(function.path("arguments").asString(""));
            }
        }
        return bound;
    }

    /** The smallest context window among every candidate of the plan, split arms included. */
    static long smallestWindow(RoutePlan plan) {
        long smallest = smallestWindow(plan.candidates(), Long.MAX_VALUE);
        if (plan.split() != null) {
            for (RouteSplit.Arm arm : plan.split().arms()) {
                smallest = smallestWindow(arm.candidates(), smallest);
            }
        }
        return smallest;
    }

    private static long smallestWindow(Iterable<RouteCandidate> candidates, long smallest) {
        for (RouteCandidate candidate : candidates) {
            smallest = Math.min(smallest, candidate.capabilities().contextWindow());
        }
        return smallest;
    }

    /** UTF-8 length of {@code text}, counted from its chars instead of encoding a copy. */
    static long utf8Length(String text) {
        long length = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x800) {
                // three bytes, or four per surrogate pair (two chars)
                length += Character.isSurrogate(c) ? 1 : 2;
            } else if (c >= 0x80) {
                length += 1;
            }
        }
        return length;
    }
}
