package dev.switchboard.edge.routing;

import dev.switchboard.contracts.routing.RouteSplit;

/**
 * What keeps a caller on one arm of a weighted split ({@link RouteSplit#stickyBy()}): {@code user} sticks by the
 * request's {@code user} field, else by the API key; {@code request} by the {@code x-switchboard-sticky-key}
 * header, else by the request id (a fresh draw per request).
 */
final class StickyKeys {

    private StickyKeys() {
    }

    /** The sticky key for {@code split}, or null when the plan has no split (nothing to choose). */
    static String choose(RouteSplit split, String user, String keyId, String stickyHeader, String requestId) {
        if (split == null) {
            return null;
        }
        if ("request".equals(split.stickyBy())) {
            return stickyHeader == null || stickyHeader.isEmpty() ? requestId : stickyHeader;
        }
        return user == null || user.isEmpty() ? keyId : user;
    }
}
