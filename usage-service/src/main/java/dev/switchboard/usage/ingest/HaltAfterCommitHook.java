package dev.switchboard.usage.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Test-only fault hook ({@link IngestFaultProperties#haltAfterCommitOf}): ends the JVM between the ledger's commit
 * and the offset commit for one request id, the window in which a crash makes Kafka redeliver an event that is
 * already stored. {@link Runtime#halt} runs no shutdown hooks, so nothing is flushed or committed on the way out.
 */
@Component
class HaltAfterCommitHook {

    /** Exit status of a halted usage-service, so a test can tell the hook's exit from a crash. */
    static final int HALT_STATUS = 87;

    private static final Logger log = LoggerFactory.getLogger(HaltAfterCommitHook.class);

    private final String requestId;

    HaltAfterCommitHook(IngestFaultProperties properties) {
        String configured = properties.haltAfterCommitOf();
        this.requestId = configured == null || configured.isBlank() ? null : configured;
        if (requestId != null) {
            log.warn("TEST FAULT HOOK ARMED: usage-service halts after committing request {}", requestId);
        }
    }

    /** Called once {@code committedRequestId}'s row is committed and before the listener returns. */
    void committed(String committedRequestId) {
        if (committedRequestId.equals(requestId)) {
            log.warn("TEST FAULT HOOK: halting after the commit of {}, before its offset is committed", requestId);
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
