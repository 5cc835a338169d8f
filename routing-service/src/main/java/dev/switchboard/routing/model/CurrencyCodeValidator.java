package dev.switchboard.routing.model;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Checks the code against the JDK's ISO 4217 table. The pattern comes first because {@link Currency} is not the
 * judge of spelling: one stored spelling per currency keeps "same price" comparisons and reports simple.
 */
class CurrencyCodeValidator implements ConstraintValidator<CurrencyCode, String> {

    private static final Pattern THREE_UPPER_CASE_LETTERS = Pattern.compile("[A-Z]{3}");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (!THREE_UPPER_CASE_LETTERS.matcher(value).matches()) {
            return false;
        }
        try {
            Currency.getInstance(value);
            return true;
        }
        catch (IllegalArgumentException notIso4217) {
            return false;
        }
    }
}
