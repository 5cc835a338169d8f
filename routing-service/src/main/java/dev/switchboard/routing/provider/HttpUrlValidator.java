package dev.switchboard.routing.provider;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.URI;
import java.net.URISyntaxException;

/** Checks {@link HttpUrl}. Provider keys are sent to this URL, so anything ambiguous is refused. */
class HttpUrlValidator implements ConstraintValidator<HttpUrl, String> {

    static final int MAX_LENGTH = 2048;

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isHttpUrl(value);
    }

    static boolean isHttpUrl(String value) {
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute()
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    // a key must never travel in the URL itself, nor hide the real host behind user@
                    && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        }
        catch (URISyntaxException e) {
            return false;
        }
    }
}
