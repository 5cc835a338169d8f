package dev.switchboard.serviceweb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler (on a method) or every handler of a controller (on the class) that a gateway key principal
 * ({@link Role#KEY}) may call, reads and changes alike. The handler itself must then keep the key to what it may
 * touch (its own team, no more rights than its own). Every other handler answers a key with 403, so a new endpoint
 * is closed to keys without anyone remembering to close it. Other roles are checked as usual.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SelfService {
}
