package dev.switchboard.edge.internal;

import dev.switchboard.contracts.error.ServiceError;

/** The answer of an internal service: a body on 2xx, otherwise the service's error. */
public record ServiceResponse<T>(int status, T body, ServiceError error) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
