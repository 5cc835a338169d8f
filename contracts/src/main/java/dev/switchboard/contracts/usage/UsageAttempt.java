package dev.switchboard.contracts.usage;

/** One call to a provider made while serving a request (retries and failovers each add one). */
public record UsageAttempt(String providerId, String model, String outcome, int status, long latencyMillis,
                           String errorType) {
}
