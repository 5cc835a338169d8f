package dev.switchboard.routing.plan;

import dev.switchboard.contracts.routing.RoutePlanRequest;
import dev.switchboard.routing.rule.RouteDefinition.Match;
import java.util.Map;

/**
 * Whether a rule's match applies to a request: absent or {@code *} fields match anything, tags must all be equal.
 * The operation is the exception: a rule that does not name one applies to chat only, so that a team pin or a
 * catch-all never sends embedding requests to a chat model.
 */
final class RuleMatcher {

    static final String ANY = "*";

    private RuleMatcher() {
    }

    static boolean matches(Match match, RoutePlanRequest request) {
        String operation = match.operation() == null ? RoutePlanRequest.CHAT : match.operation();
        return operation.equals(request.operation())
                && field(match.team(), request.teamId())
                && field(match.model(), request.model())
                && field(match.task(), request.task())
                && tags(match.tags(), request.tags());
    }

    private static boolean field(String wanted, String actual) {
        return wanted == null || ANY.equals(wanted) || wanted.equals(actual);
    }

    private static boolean tags(Map<String, String> wanted, Map<String, String> actual) {
        for (Map.Entry<String, String> tag : wanted.entrySet()) {
            if (!tag.getValue().equals(actual.get(tag.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
