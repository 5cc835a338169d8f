package dev.switchboard.testkit;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Where the test servers come from: Testcontainers when a Docker engine answers, embedded processes otherwise.
 * <p>
 * Set the system property or environment variable {@code SWITCHBOARD_TESTKIT} to {@code embedded} or
 * {@code testcontainers} to skip the detection ({@code auto}, the default, detects).
 */
enum InfrastructureMode {

    EMBEDDED, TESTCONTAINERS;

    static final String SWITCH = "SWITCHBOARD_TESTKIT";

    private static final Logger log = LoggerFactory.getLogger(InfrastructureMode.class);

    private static volatile InfrastructureMode current;

    /** Decided on first use and logged once. */
    static InfrastructureMode current() {
        InfrastructureMode mode = current;
        if (mode == null) {
            synchronized (InfrastructureMode.class) {
                mode = current;
                if (mode == null) {
                    mode = decide();
                    current = mode;
                }
            }
        }
        return mode;
    }

    private static InfrastructureMode decide() {
        String forced = System.getProperty(SWITCH, System.getenv(SWITCH));
        if (forced != null && !forced.isBlank() && !forced.trim().equalsIgnoreCase("auto")) {
            InfrastructureMode mode = parse(forced.trim());
            log.info("Test infrastructure: {} (forced by {}={})", mode.label(), SWITCH, forced.trim());
            return mode;
        }
        // Without Docker this logs one ERROR from Testcontainers and returns false; it never throws.
        if (DockerClientFactory.instance().isDockerAvailable()) {
            log.info("Test infrastructure: Testcontainers");
            return TESTCONTAINERS;
        }
        log.info("Test infrastructure: embedded (no Docker engine; set {}=embedded to skip the Docker check)", SWITCH);
        return EMBEDDED;
    }

    private static InfrastructureMode parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(
                    SWITCH + " must be embedded, testcontainers or auto, not '" + value + "'", ex);
        }
    }

    private String label() {
        return this == EMBEDDED ? "embedded" : "Testcontainers";
    }
}
