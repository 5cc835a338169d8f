package dev.switchboard.routing.provider;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import java.util.regex.Pattern;

/** Checks {@link CredentialRef}. The registry is readable by every admin, so a real key must never land in it. */
class CredentialRefValidator implements ConstraintValidator<CredentialRef, String> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");

    // Case-sensitive prefixes of vendor key formats (OpenAI and Anthropic, Google, xAI, Groq); names do not look like this.
    private static final List<String> KEY_PREFIXES = List.of("sk-", "AIza", "xai-", "gsk_");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isSecretName(value);
    }

    static boolean isSecretName(String value) {
        return NAME.matcher(value).matches() && KEY_PREFIXES.stream().noneMatch(value::startsWith);
    }
}
