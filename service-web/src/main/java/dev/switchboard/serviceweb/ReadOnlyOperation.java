package dev.switchboard.serviceweb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that changes nothing although its method is not GET, such as a dry run sent as POST
 * because its input does not fit in a URL. Roles that may read the endpoint may then call it; without the
 * mark every non-GET/HEAD call is a change and needs {@link Role#ADMIN}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadOnlyOperation {
}
