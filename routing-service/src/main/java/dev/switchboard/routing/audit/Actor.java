package dev.switchboard.routing.audit;

import dev.switchboard.serviceweb.ServiceException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who made an admin change: the authenticated principal's name, or {@code <user> via <principal>} when the
 * caller (the admin UI) names its signed-in user in {@value #HEADER}. The principal always shows, so a header
 * cannot hide who really called; and a principal can act for users without each needing a token.
 */
final class Actor {

    static final String HEADER = "x-switchboard-actor";
    static final String DEFAULT = "admin";
    /** The audit_log column's limit. */
    static final int MAX_LENGTH = 100;

    /** Printable ASCII only: Tomcat reads header bytes as ISO-8859-1, so anything else would arrive mangled. */
    private static final Pattern NAME = Pattern.compile("[\\x21-\\x7E](?:[\\x20-\\x7E]{0,98}[\\x21-\\x7E])?");

    private static final String ATTRIBUTE = Actor.class.getName();
    private static final ThreadLocal<String> OUTSIDE_REQUEST = new ThreadLocal<>();

    private Actor() {
    }

    /**
     * The actor for a call by {@code principal} with the given header value (null when absent); 400 when the
     * header is not a valid name or the combination does not fit the audit log.
     */
    static String of(String principal, String header) {
        if (header == null) {
            return principal;
        }
        String actor = header + " via " + principal;
        if (!NAME.matcher(header).matches() || actor.length() > MAX_LENGTH) {
            throw ServiceException.invalid(HEADER + ": must be printable ASCII characters, not starting or ending "
                    + "with a space, and at most " + (MAX_LENGTH - actor.length() + header.length())
                    + " long for principal '" + principal + "' (the audit log records '<user> via <principal>')");
        }
        return actor;
    }

    static void rememberForRequest(String actor) {
        RequestContextHolder.currentRequestAttributes().setAttribute(ATTRIBUTE, actor, RequestAttributes.SCOPE_REQUEST);
    }

    /** Runs work outside any request, such as a startup import, under a name of its own. */
    static <T> T callAs(String actor, Supplier<T> work) {
        String previous = OUTSIDE_REQUEST.get();
        OUTSIDE_REQUEST.set(actor);
        try {
            return work.get();
        }
        finally {
            if (previous == null) {
                OUTSIDE_REQUEST.remove();
            }
            else {
                OUTSIDE_REQUEST.set(previous);
            }
        }
    }

    /** The current request's actor; outside a request the {@link #callAs} name, else {@code admin} (operators). */
    static String current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object actor = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (actor != null) {
            return (String) actor;
        }
        String outside = OUTSIDE_REQUEST.get();
        return outside == null ? DEFAULT : outside;
    }
}
