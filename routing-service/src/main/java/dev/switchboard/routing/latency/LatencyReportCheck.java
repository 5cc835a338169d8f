package dev.switchboard.routing.latency;

import dev.switchboard.contracts.routing.LatencyReport;
import dev.switchboard.routing.registry.FieldErrors;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Field checks of a {@link LatencyReport}; the record lives in contracts, which carries no validation annotations. */
final class LatencyReportCheck {

    static final int MAX_DEPLOYMENTS = 1000;

    private static final Pattern EDGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern DEPLOYMENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}/\\S{1,256}");
    private static final long MAX_P95_MILLIS = 3_600_000;

    private LatencyReportCheck() {
    }

    static void check(LatencyReport report) {
        FieldErrors errors = new FieldErrors();
        if (report.edgeId() == null || !EDGE_ID.matcher(report.edgeId()).matches()) {
            errors.add("edgeId", "must be 1 to 128 letters, digits, '.', '_', ':' or '-'");
        }
        if (report.windowSeconds() < 1 || report.windowSeconds() > 3600) {
            errors.add("windowSeconds", "must be between 1 and 3600");
        }
        if (report.deployments().size() > MAX_DEPLOYMENTS) {
            errors.add("deployments", "at most " + MAX_DEPLOYMENTS + " per report");
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < report.deployments().size(); i++) {
            String field = "deployments[" + i + "]";
            LatencyReport.DeploymentLatency deployment = report.deployments().get(i);
            if (deployment == null) {
                errors.add(field, "must not be null");
                continue;
            }
            if (deployment.deploymentId() == null || !DEPLOYMENT_ID.matcher(deployment.deploymentId()).matches()) {
                errors.add(field + ".deploymentId", "must be providerId/upstreamModel");
            } else {
                Integer earlier = firstIndex.putIfAbsent(deployment.deploymentId(), i);
                if (earlier != null) {
                    errors.add(field + ".deploymentId", "repeats deployments[" + earlier + "]");
                }
            }
            if (deployment.samples() < 0) {
                errors.add(field + ".samples", "must be greater than or equal to 0");
            }
            if (deployment.p95Millis() < 0 || deployment.p95Millis() > MAX_P95_MILLIS) {
                errors.add(field + ".p95Millis", "must be between 0 and " + MAX_P95_MILLIS);
            }
        }
        errors.throwIfAny();
    }
}
