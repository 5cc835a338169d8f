package dev.switchboard.routing;

import dev.switchboard.contracts.error.ServiceError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Names the offending field when a JSON body is well-formed but a value has the wrong type (say
 * {@code "inputPerMillion": "cheap"}); the shared handler in service-web can only say "not valid JSON".
 * Ordered first so it wins over that handler for this one exception type.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class RequestBodyErrorHandler {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ServiceError> unreadableBody(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ServiceError("invalid_request", describe(e)));
    }

    private static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        // a number too big for its field is also a StreamReadException, but the JSON itself is fine
        if (cause instanceof StreamReadException && !(cause instanceof InputCoercionException)) {
            return "request body is not valid JSON";
        }
        String field = cause instanceof JacksonException jackson ? fieldPath(jackson) : "";
        if (!field.isEmpty()) {
            return field + ": has the wrong type or format";
        }
        return "request body is missing or is not valid JSON of the expected shape";
    }

    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
