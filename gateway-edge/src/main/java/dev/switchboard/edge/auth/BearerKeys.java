package dev.switchboard.edge.auth;

/** Reads the gateway key from an {@code Authorization: Bearer <key>} header value. */
public final class BearerKeys {

    private static final String BEARER = "Bearer ";

    private BearerKeys() {
    }

    /** The key, or null when the header is absent, not a bearer credential, or empty. */
    public static String from(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String key = authorization.substring(BEARER.length()).trim();
        return key.isEmpty() ? null : key;
    }
}
