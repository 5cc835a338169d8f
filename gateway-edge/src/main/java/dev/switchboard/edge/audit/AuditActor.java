package dev.switchboard.edge.audit;

import java.util.regex.Pattern;

/**
 * Who made an admin change on the edge. The edge knows only the admin token, so the principal is {@code admin};
 * a caller such as the admin UI may name its signed-in user in {@value #HEADER}, recorded as
 * {@code <user> via admin}, as routing-service and quota-service do.
 */
public final class AuditActor {

    public static final String HEADER = "x-switchboard-actor";
    public static final int MAX_USER_LENGTH = 91;
    private static final String PRINCIPAL = "admin";
    private static final Pattern NAME = Pattern.compile("[\\x21-\\x7E](?:[\\x20-\\x7E]{0,89}[\\x21-\\x7E])?");

    private AuditActor() {
    }

    /** The actor for a call with the given header value (null when absent); null when the header is not valid. */
    public static String of(String header) {
        if (header == null) {
            return PRINCIPAL;
        }
        return NAME.matcher(header).matches() ? header + " via " + PRINCIPAL : null;
    }
}
