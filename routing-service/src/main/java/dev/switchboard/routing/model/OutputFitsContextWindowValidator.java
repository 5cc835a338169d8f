package dev.switchboard.routing.model;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link OutputFitsContextWindow}; values that are out of range on their own are left to their fields. */
class OutputFitsContextWindowValidator implements ConstraintValidator<OutputFitsContextWindow, ModelRequest> {

    @Override
    public boolean isValid(ModelRequest request, ConstraintValidatorContext context) {
        int maxOutputTokens = request.maxOutputTokensOrDefault();
        int contextWindow = request.contextWindowOrDefault();
        if (maxOutputTokens <= 0 || contextWindow <= 0 || maxOutputTokens <= contextWindow) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must not exceed contextWindow (" + contextWindow + ")")
                .addPropertyNode("maxOutputTokens").addConstraintViolation();
        return false;
    }
}
