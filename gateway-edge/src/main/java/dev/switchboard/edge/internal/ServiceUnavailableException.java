package dev.switchboard.edge.internal;

/** An internal service could not be reached or answered with something unreadable. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String service, Throwable cause) {
        super(service + " is unavailable", cause);
    }
}
