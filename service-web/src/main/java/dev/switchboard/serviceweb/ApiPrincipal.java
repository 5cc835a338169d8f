package dev.switchboard.serviceweb;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The authenticated caller of an admin API request: a configured name and its role, or a gateway key (role
 * {@link Role#KEY}, named {@code key:<id>}, with its team). Set by the token filter, so it is present on every
 * request that reached a handler outside {@code /internal/**} and actuator.
 *
 * @param teamId the key's team for a {@link Role#KEY} principal, else null
 * @param keyId  the key's id for a {@link Role#KEY} principal, else null
 */
public record ApiPrincipal(String name, Role role, String teamId, String keyId) {

    private static final String ATTRIBUTE = ApiPrincipal.class.getName();
    private static final String KEY_NAME_PREFIX = "key:";

    /** A configured principal. */
    public ApiPrincipal(String name, Role role) {
        this(name, role, null, null);
    }

    /** A gateway key calling the admin API with its own key as bearer token. */
    public static ApiPrincipal gatewayKey(String keyId, String teamId) {
        return new ApiPrincipal(KEY_NAME_PREFIX + keyId, Role.KEY, teamId, keyId);
    }

    public boolean isGatewayKey() {
        return role == Role.KEY;
    }

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public static Optional<ApiPrincipal> of(HttpServletRequest request) {
        return Optional.ofNullable((ApiPrincipal) request.getAttribute(ATTRIBUTE));
    }

    /** The principal of the request on this thread; empty outside a request or on internal endpoints. */
    public static Optional<ApiPrincipal> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object principal = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return Optional.ofNullable((ApiPrincipal) principal);
    }
}
