package dev.switchboard.routing.provider;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An absolute http(s) URL with a host and no credentials, query or fragment; null is left to {@code @NotNull}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HttpUrlValidator.class)
@interface HttpUrl {

    String message() default "must be an absolute http(s) URL with a host and no user info, query or fragment";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
