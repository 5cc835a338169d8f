package dev.switchboard.quota.audit;

import dev.switchboard.serviceweb.ServiceException;
import java.util.Locale;

/** The kinds of entity whose changes are audited; {@link #wireName()} is what the API and table use. */
public enum EntityType {

    ORGANISATION, TEAM, KEY, LIMIT, BUDGET;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EntityType fromWireName(String value) {
        for (EntityType type : values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        throw ServiceException.invalid("entityType: must be one of organisation, team, key, limit, budget");
    }
}
