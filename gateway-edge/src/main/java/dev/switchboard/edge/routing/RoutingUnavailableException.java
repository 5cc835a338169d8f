package dev.switchboard.edge.routing;

/** routing-service could not be reached or failed on its side (5xx): a last known plan may stand in. */
class RoutingUnavailableException extends RuntimeException {

    RoutingUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
