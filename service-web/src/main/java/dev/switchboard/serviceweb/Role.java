package dev.switchboard.serviceweb;

import java.util.Locale;

/**
 * What an API principal may do. {@link #ADMIN} reads and changes everything; {@link #VIEWER} reads what
 * is not restricted; {@link #FINANCE} reads only what an endpoint marks with {@link ReadableBy}; {@link #KEY} is a
 * gateway key, never configured, that calls only handlers marked {@link SelfService}.
 */
public enum Role {

    ADMIN, VIEWER, FINANCE, KEY;

    /** The name used in configuration and error messages. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
