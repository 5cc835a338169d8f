package dev.switchboard.contracts.usage;

/** Kafka topic names; events are keyed by team id so one team's events stay in order. */
public final class UsageTopics {

    public static final String USAGE_V1 = "switchboard.usage.v1";

    private UsageTopics() {
    }
}
