package dev.switchboard.edge.routing;

import dev.switchboard.contracts.routing.RouteResolution.Resolved;
import dev.switchboard.edge.api.ErrorKind;
import dev.switchboard.edge.api.GatewayException;

/**
 * A 400 {@code context_length_exceeded}: the request fits none of its candidates. Carries the resolution, so the
 * usage event of the refusal still says which models were considered and why each was rejected.
 */
public final class ContextLengthExceededException extends GatewayException {

    private final transient Resolved resolved;

    ContextLengthExceededException(String message, Resolved resolved) {
        super(ErrorKind.CONTEXT_LENGTH.status(), ErrorKind.CONTEXT_LENGTH.type(), ErrorKind.CONTEXT_LENGTH.code(),
                "messages", message, 0);
        this.resolved = resolved;
    }

    public Resolved resolved() {
        return resolved;
    }
}
