package dev.switchboard.serviceweb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles besides {@link Role#ADMIN} that may read a handler (on a method) or every handler of a controller
 * (on the class; a method's own annotation wins). Without it only {@link Role#VIEWER} reads, so spend data stays
 * hidden from finance until an endpoint opts in with {@code @ReadableBy({VIEWER, FINANCE})}. Writes always need
 * admin, whatever this says.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadableBy {

    Role[] value();
}
