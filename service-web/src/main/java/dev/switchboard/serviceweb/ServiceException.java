package dev.switchboard.serviceweb;

import org.springframework.http.HttpStatus;

/** A failure with a status and an error-taxonomy type that the caller is meant to see. */
public class ServiceException extends RuntimeException {

    private final HttpStatus status;
    private final String type;

    public ServiceException(HttpStatus status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    public static ServiceException notFound(String message) {
        return new ServiceException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    public static ServiceException invalid(String message) {
        return new ServiceException(HttpStatus.BAD_REQUEST, "invalid_request", message);
    }

    public static ServiceException conflict(String message) {
        return new ServiceException(HttpStatus.CONFLICT, "conflict", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }
}
