package dev.switchboard.serviceweb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API principals and their bearer tokens. Checks every token on every call, in constant time
 * per token, so neither the token nor which principal it belongs to can be learned from response times.
 */
final class ApiPrincipals {

    static final String ADMIN_NAME = "admin";

    private record Entry(ApiPrincipal principal, byte[] bearer) {
    }

    private final List<Entry> entries = new ArrayList<>();

    ApiPrincipals(ServiceSecurityProperties properties) {
        add(new ApiPrincipal(ADMIN_NAME, Role.ADMIN), properties.adminToken());
        for (ServiceSecurityProperties.PrincipalProperties principal : properties.principals()) {
            add(new ApiPrincipal(principal.name(), principal.role()), principal.token());
        }
        requireDistinct(properties);
    }

    private void add(ApiPrincipal principal, String token) {
        entries.add(new Entry(principal, ("Bearer " + token).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A shared token would make the audit log name the wrong principal; messages name principals, never tokens.
     * Role key belongs to gateway keys found by a {@link BearerPrincipalResolver}, not to configured tokens.
     */
    private void requireDistinct(ServiceSecurityProperties properties) {
        Set<String> names = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        tokens.add(properties.serviceToken());
        tokens.add(properties.adminToken());
        names.add(ADMIN_NAME);
        if (properties.serviceToken().equals(properties.adminToken())) {
            throw new IllegalStateException("switchboard.security: the admin token must differ from the service token");
        }
        for (ServiceSecurityProperties.PrincipalProperties principal : properties.principals()) {
            if (principal.role() == Role.KEY) {
                throw new IllegalStateException("switchboard.security.principals: '" + principal.name()
                        + "' has role key, which only gateway keys get; configure admin, viewer or finance");
            }
            if (!names.add(principal.name())) {
                throw new IllegalStateException("switchboard.security.principals: the name '" + principal.name()
                        + "' is used twice (the admin token's principal is called 'admin')");
            }
            if (!tokens.add(principal.token())) {
                throw new IllegalStateException("switchboard.security.principals: the token of '" + principal.name()
                        + "' is also used by another principal or as the service token");
            }
        }
    }

    /** The principal whose token an {@code Authorization} header carries. */
    Optional<ApiPrincipal> authenticate(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        byte[] presented = authorization.getBytes(StandardCharsets.UTF_8);
        ApiPrincipal found = null;
        for (Entry entry : entries) {
            // no early exit: the time taken does not depend on which entry matched
            if (MessageDigest.isEqual(presented, entry.bearer())) {
                found = entry.principal();
            }
        }
        return Optional.ofNullable(found);
    }
}
