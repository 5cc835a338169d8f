package dev.switchboard.edge.resilience;

import dev.switchboard.edge.api.GatewayException;

/**
 * One provider attempt's failure: its {@link FailureKind}, the provider's HTTP status (0 when it never answered),
 * and the error the client would see if this were the last word. Being a {@link GatewayException}, it renders like
 * any other when it reaches the client.
 */
public final class AttemptFailure extends GatewayException {

    private final FailureKind kind;
    private final int providerStatus;

    public AttemptFailure(FailureKind kind, int providerStatus, GatewayException shown) {
        super(shown.status(), shown.type(), shown.code(), shown.param(), shown.getMessage(),
                shown.retryAfterSeconds());
        this.kind = kind;
        this.providerStatus = providerStatus;
    }

    /** A provider's error answer, classified by its status. */
    public static AttemptFailure answered(int providerStatus, GatewayException shown) {
        return new AttemptFailure(FailureKind.ofStatus(providerStatus), providerStatus, shown);
    }

    public FailureKind kind() {
        return kind;
    }

    public int providerStatus() {
        return providerStatus;
    }

    /** How long the provider asked callers to wait, in milliseconds; 0 when it did not say. */
    public long retryAfterMillis() {
        return retryAfterSeconds() * 1000;
    }
}
