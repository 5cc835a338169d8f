package dev.switchboard.routing.audit;

import dev.switchboard.serviceweb.ServiceException;
import java.util.regex.Pattern;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who made an admin change. The admin API has one shared bearer token, so the actor is {@code admin}
 * unless the caller (the admin UI, later) names its signed-in user in {@value #HEADER}.
 */
final class Actor {

    static final String HEADER = "x-switchboard-actor";
    static final String DEFAULT = "admin";

    /** Printable ASCII only: Tomcat reads header bytes as ISO-8859-1, so anything else would arrive mangled. */
    private static final Pattern NAME = Pattern.compile("[\\x21-\\x7E](?:[\\x20-\\x7E]{0,98}[\\x21-\\x7E])?");

    private static final String ATTRIBUTE = Actor.class.getName();

    private Actor() {
    }

    /** The actor named by a header value, or the default when there is none; 400 when it is not a valid name. */
    static String fromHeader(String value) {
        if (value == null) {
            return DEFAULT;
        }
        if (!NAME.matcher(value).matches()) {
            throw ServiceException.invalid(HEADER + ": must be 1 to 100 printable ASCII characters, "
                    + "not starting or ending with a space");
        }
        return value;
    }

    static void rememberForRequest(String actor) {
        RequestContextHolder.currentRequestAttributes().setAttribute(ATTRIBUTE, actor, RequestAttributes.SCOPE_REQUEST);
    }

    /** The current request's actor; {@code admin} outside a request, where only operators reach the code. */
    static String current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object actor = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return actor == null ? DEFAULT : (String) actor;
    }
}
