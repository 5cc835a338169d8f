package dev.switchboard.routing.provider;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The name of an environment variable or mounted secret, and visibly not a provider key pasted by mistake. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CredentialRefValidator.class)
@interface CredentialRef {

    String message() default "must be the name of the environment variable or secret that holds the key "
            + "(letters, digits, '_', '.', '-', starting with a letter or '_', at most 128), never the key itself";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
