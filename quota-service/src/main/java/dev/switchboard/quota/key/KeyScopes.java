package dev.switchboard.quota.key;

import dev.switchboard.serviceweb.ServiceException;
import java.util.List;
import java.util.Set;

/** The scopes a key may hold beyond calling models; today only {@value #KEYS_WRITE}. */
final class KeyScopes {

    /** Manage the keys of the key's own team through the admin API (self-service). */
    static final String KEYS_WRITE = "keys:write";

    private static final Set<String> KNOWN = Set.of(KEYS_WRITE);

    private KeyScopes() {
    }

    /**
     * The requested scopes without repeats, or 400 naming the first unknown one by position; the value itself is
     * not echoed, since a key pasted into the wrong field must not come back in an error.
     */
    static List<String> checked(List<String> scopes) {
        if (scopes == null) {
            return List.of();
        }
        for (int i = 0; i < scopes.size(); i++) {
            if (scopes.get(i) == null || !KNOWN.contains(scopes.get(i))) {
                throw ServiceException.invalid("scopes[" + i + "]: unknown scope; known scopes: " + KEYS_WRITE);
            }
        }
        return scopes.stream().distinct().sorted().toList();
    }
}
