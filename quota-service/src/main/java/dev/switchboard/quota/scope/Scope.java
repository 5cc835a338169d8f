package dev.switchboard.quota.scope;

import dev.switchboard.serviceweb.ServiceException;

/**
 * What a limit or budget applies to, written {@code global}, {@code team:<id>} or {@code key:<id>} in URLs, JSON
 * and the database. Exactly one of {@link #teamId()} and {@link #keyId()} is set, or neither for global.
 */
public record Scope(String teamId, String keyId) {

    public static final Scope GLOBAL = new Scope(null, null);

    private static final String TEAM = "team:";
    private static final String KEY = "key:";

    /** Parses the wire form; 400 naming {@code field} when it is not one. */
    public static Scope parse(String value, String field) {
        if ("global".equals(value)) {
            return GLOBAL;
        }
        if (value != null && value.startsWith(TEAM) && value.length() > TEAM.length()) {
            return new Scope(value.substring(TEAM.length()), null);
        }
        if (value != null && value.startsWith(KEY) && value.length() > KEY.length()) {
            return new Scope(null, value.substring(KEY.length()));
        }
        throw ServiceException.invalid(field + ": must be 'global', 'team:<team id>' or 'key:<key id>'");
    }

    public String wireName() {
        return teamId != null ? TEAM + teamId : keyId != null ? KEY + keyId : "global";
    }

    @Override
    public String toString() {
        return wireName();
    }
}
