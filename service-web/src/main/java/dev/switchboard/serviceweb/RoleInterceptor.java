package dev.switchboard.serviceweb;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Decides whether the authenticated principal's role may call the handler. Admin may do anything. Other roles
 * may only read (GET, HEAD, or a handler marked {@link ReadOnlyOperation}), and only handlers readable by their
 * role ({@link ReadableBy}, viewer by default). Deciding on the handler rather than on paths means a new
 * endpoint is admin-only for writes without anyone remembering to add a rule. A gateway key ({@link Role#KEY}) may
 * call only handlers marked {@link SelfService}.
 */
class RoleInterceptor implements HandlerInterceptor {

    private static final List<Role> DEFAULT_READERS = List.of(Role.VIEWER);

    private final Predicate<HandlerMethod> readableByEveryRole;

    /** @param readableByEveryRole handlers of libraries that cannot carry our annotations, such as the API document */
    RoleInterceptor(Predicate<HandlerMethod> readableByEveryRole) {
        this.readableByEveryRole = readableByEveryRole;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        ApiPrincipal principal = ApiPrincipal.of(request).orElse(null);
        // internal calls have no principal (the service token guards them); unmapped paths end in a 404 anyway
        // an error dispatch only renders the failure of a call that was already let through
        if (principal == null || principal.role() == Role.ADMIN || !(handler instanceof HandlerMethod method)
                || request.getDispatcherType() == DispatcherType.ERROR) {
            return true;
        }
        if (principal.role() == Role.KEY) {
            // a self-service handler limits the key itself; any other handler is closed to keys, reads included
            if (!selfService(method)) {
                throw denied(principal, "call this");
            }
            return true;
        }
        if (!isRead(request, method)) {
            throw denied(principal, "change anything");
        }
        if (!readableByEveryRole.test(method) && !readers(method).contains(principal.role())) {
            throw denied(principal, "read this");
        }
        return true;
    }

    private static boolean isRead(HttpServletRequest request, HandlerMethod method) {
        String verb = request.getMethod();
        return "GET".equals(verb) || "HEAD".equals(verb) || method.hasMethodAnnotation(ReadOnlyOperation.class);
    }

    private static boolean selfService(HandlerMethod method) {
        return method.hasMethodAnnotation(SelfService.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), SelfService.class);
    }

    private static List<Role> readers(HandlerMethod method) {
        ReadableBy readable = method.getMethodAnnotation(ReadableBy.class);
        if (readable == null) {
            readable = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ReadableBy.class);
        }
        return readable == null ? DEFAULT_READERS : Arrays.asList(readable.value());
    }

    private static ServiceException denied(ApiPrincipal principal, String what) {
        return new ServiceException(HttpStatus.FORBIDDEN, "permission",
                "principal '" + principal.name() + "' has role " + principal.role().wireName()
                        + ", which may not " + what);
    }
}
