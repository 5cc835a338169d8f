package dev.switchboard.quota.admission;

import dev.switchboard.contracts.quota.AdmissionDecision;
import java.util.List;

/**
 * What admitting one request involves: the counters to check, the output cap assumed (when a ceiling applied to a
 * request that set none), or a refusal that needs no counter at all.
 */
record AdmissionPlan(List<AdmissionCheck> checks, Long outputTokenCeiling, AdmissionDecision refusal) {

    static AdmissionPlan refuse(String reason, String message) {
        return new AdmissionPlan(List.of(), null,
                new AdmissionDecision(false, null, reason, 0, 0, message, null, null, null));
    }
}
