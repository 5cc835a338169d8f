package dev.switchboard.edge.metrics;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Team ids as a tag value: the first {@code maxTeams} teams an edge sees keep their own id, every later one is
 * {@value #OTHER}. Which teams are named depends on arrival order, so a dashboard's per-team view is exact for those
 * and folds the long tail. Seen teams are read without a lock; only naming a new one takes it.
 */
public final class TeamTags {

    public static final String OTHER = "other";
    /** Requests refused before a team was known never reach here; this covers events without one. */
    static final String NONE = "none";

    private final int maxTeams;
    private final ConcurrentHashMap<String, Boolean> named = new ConcurrentHashMap<>();
    private volatile int size;

    public TeamTags(int maxTeams) {
        this.maxTeams = maxTeams;
    }

    public String of(String teamId) {
        if (teamId == null) {
            return NONE;
        }
        if (named.containsKey(teamId)) {
            return teamId;
        }
        if (size >= maxTeams) {
            return OTHER;
        }
        return name(teamId);
    }

    private synchronized String name(String teamId) {
        if (named.containsKey(teamId)) {
            return teamId;
        }
        if (size >= maxTeams) {
            return OTHER;
        }
        named.put(teamId, Boolean.TRUE);
        size++;
        return teamId;
    }
}
