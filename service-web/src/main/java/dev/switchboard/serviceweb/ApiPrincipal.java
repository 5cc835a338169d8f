package dev.switchboard.serviceweb;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The authenticated caller of an admin API request: a configured name and its role. Set by the token filter,
 * so it is present on every request that reached a handler outside {@code /internal/**} and actuator.
 */
public record ApiPrincipal(String name, Role role) {

    private static final String ATTRIBUTE = ApiPrincipal.class.getName();

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
