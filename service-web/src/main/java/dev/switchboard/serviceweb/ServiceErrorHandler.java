package dev.switchboard.serviceweb;

import dev.switchboard.contracts.error.ServiceError;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure into a {@link ServiceError} body; callers never see a stack trace. */
@RestControllerAdvice
class ServiceErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ServiceErrorHandler.class);

    @ExceptionHandler(ServiceException.class)
    ResponseEntity<ServiceError> serviceException(ServiceException e) {
        return ResponseEntity.status(e.status()).body(new ServiceError(e.type(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ServiceError> invalidBody(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return badRequest(message.isEmpty() ? "invalid request body" : message);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ServiceError> invalidParameter(HandlerMethodValidationException e) {
        return badRequest("invalid request parameter");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ServiceError> unreadableBody(HttpMessageNotReadableException e) {
        return badRequest("request body is missing or is not valid JSON of the expected shape");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ServiceError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest("parameter '" + e.getName() + "' has the wrong type");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ServiceError> mediaType(HttpMediaTypeNotSupportedException e) {
        // most endpoints take JSON; the few that take only something else (a YAML import) say so through consumes
        boolean json = e.getSupportedMediaTypes().isEmpty()
                || e.getSupportedMediaTypes().stream().anyMatch(MediaType.APPLICATION_JSON::isCompatibleWith);
        String supported = json ? "application/json"
                : e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(" or "));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ServiceError("invalid_request", "send " + supported));
    }

    /** The client accepts nothing this endpoint writes, not even an error as JSON: a bare 406 is all it can take. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Void> notAcceptable() {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ServiceError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(new ServiceError("invalid_request", "method " + e.getMethod() + " is not allowed here"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ServiceError> noResource(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ServiceError("not_found", "no such endpoint"));
    }

    /**
     * Spring's own web exceptions (missing parameter, wrong method, ...) carry their status; keep it, so a
     * client mistake is never reported as a server failure.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ServiceError> unexpected(Exception e) {
        if (e instanceof ErrorResponse web && web.getStatusCode().is4xxClientError()) {
            String type = web.getStatusCode().value() == 404 ? "not_found" : "invalid_request";
            String detail = web.getBody().getDetail();
            return ResponseEntity.status(web.getStatusCode())
                    .body(new ServiceError(type, detail == null ? "invalid request" : detail));
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ServiceError("server_error", "internal error"));
    }

    private static ResponseEntity<ServiceError> badRequest(String message) {
        return ResponseEntity.badRequest().body(new ServiceError("invalid_request", message));
    }
}
