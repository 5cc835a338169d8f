package dev.switchboard.routing.model;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A model's {@code maxOutputTokens} fits in its context window (defaults included). A class-level
 * constraint, so the error is reported on {@code maxOutputTokens} together with the other field errors.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OutputFitsContextWindowValidator.class)
@interface OutputFitsContextWindow {

    String message() default "must not exceed contextWindow";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
