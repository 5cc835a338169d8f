package dev.switchboard.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code attempts} of a usage row in a form assertions can compare in one line: one string per provider call,
 * in order, e.g. {@code p-1/m-2 error/overloaded 503} or {@code p-1/m-3 success 200}.
 */
final class Attempts {

    private Attempts() {
    }

    static List<String> of(Map<String, Object> row) {
        Object column = row.get("attempts");
        if (column == null) {
            throw new AssertionError("the row has no attempts: " + row);
        }
        List<String> attempts = new ArrayList<>();
        for (JsonNode attempt : EdgeCalls.JSON.readTree(column.toString())) {
            String errorType = attempt.hasNonNull("errorType") ? attempt.get("errorType").asString() : "";
            String outcome = attempt.path("outcome").asString();
            attempts.add(attempt.path("providerId").asString() + "/" + attempt.path("model").asString() + " "
                    + (errorType.isEmpty() ? outcome : outcome + "/" + errorType) + " "
                    + attempt.path("status").asInt());
        }
        return attempts;
    }

    static String succeeded(TestDeployments.Deployment deployment) {
        return deployment.id() + " success 200";
    }

    /** A failed call; {@code status} is the provider's HTTP status, 0 when it sent none. */
    static String failed(TestDeployments.Deployment deployment, String errorType, int status) {
        return deployment.id() + " error/" + errorType + " " + status;
    }

    static String cancelled(TestDeployments.Deployment deployment, String errorType, int status) {
        return deployment.id() + " cancelled/" + errorType + " " + status;
    }
}
