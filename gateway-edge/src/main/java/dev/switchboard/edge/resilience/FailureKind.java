package dev.switchboard.edge.resilience;

import java.util.Locale;

/**
 * The one classification of a failed provider attempt, shared by retries, failover, circuit breakers and billing.
 * Each kind says whether the same deployment may be tried again, whether another candidate may serve instead,
 * whether it counts against the deployment's breaker, and whether the request is billed for what the attempt
 * generated.
 */
public enum FailureKind {
    /** The connection could not be made (refused, unreachable, connect timeout): the provider never saw the call. */
    CONNECT_FAILED(Retry.YES, true, true, false),
    /** The connection closed before the answer began. */
    CONNECTION_LOST(Retry.YES, true, true, false),
    /** 429: retried on the same deployment only as the last resort and only within the wait it asks for. */
    RATE_LIMITED(Retry.AS_LAST_RESORT, true, false, false),
    /** 503 or Anthropic's 529. */
    OVERLOADED(Retry.YES, true, true, false),
    /** 500, 502 and other 5xx. */
    SERVER_ERROR(Retry.YES, true, true, false),
    /** The provider itself answered 408 or 504. */
    PROVIDER_TIMEOUT(Retry.YES, true, true, false),
    /** Nothing arrived within the first-token limit: slow, so not tried again, but another deployment may be fast. */
    FIRST_TOKEN_TIMEOUT(Retry.NO, true, true, false),
    /**
     * The call's total limit passed. When that was the request's deadline no time is left for anything else; when
     * it was the provider's own, shorter limit, {@link ResilientCalls} still fails over.
     */
    TOTAL_TIMEOUT(Retry.NO, false, true, false),
    /** The provider refused the gateway's credential (401/403): that deployment cannot serve, another may. */
    PROVIDER_AUTH(Retry.NO, true, true, false),
    /** 404: the deployment does not know the model (a registry mistake), another deployment may. */
    DEPLOYMENT_MISSING(Retry.NO, true, true, false),
    /** The call would have left the provider's registered base URL; refused without sending. */
    URL_REFUSED(Retry.NO, true, false, false),
    /** A success answer that could not be read. */
    BAD_RESPONSE(Retry.NO, true, true, false),
    /** A 4xx caused by the request itself (400, 413, 422, context length, content filter): a poison request. */
    REQUEST_REJECTED(Retry.NO, false, false, false),
    /** The stream broke or stalled after its first byte: the client already has part of the answer. */
    STREAM_BROKEN(Retry.NO, false, true, true),
    /** The client went away; what was generated until then is billed. */
    CLIENT_CLOSED(Retry.NO, false, false, true),
    /** A hedged attempt that lost the race and was cancelled. */
    HEDGE_LOST(Retry.NO, false, false, false);

    /** When the same deployment may be tried again after this failure. */
    public enum Retry { YES, AS_LAST_RESORT, NO }

    private final Retry retry;
    private final boolean failover;
    private final boolean breakerFailure;
    private final boolean billable;

    FailureKind(Retry retry, boolean failover, boolean breakerFailure, boolean billable) {
        this.retry = retry;
        this.failover = failover;
        this.breakerFailure = breakerFailure;
        this.billable = billable;
    }

    public Retry retry() {
        return retry;
    }

    public boolean failover() {
        return failover;
    }

    public boolean breakerFailure() {
        return breakerFailure;
    }

    public boolean billable() {
        return billable;
    }

    /** Whether the client should read this kind, seen on every attempt, as a timeout (504). */
    public boolean timeout() {
        return this == FIRST_TOKEN_TIMEOUT || this == TOTAL_TIMEOUT || this == PROVIDER_TIMEOUT;
    }

    /** The name usage events and metrics use, e.g. {@code first_token_timeout}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of an error answer with HTTP status {@code status} (≥ 400). */
    public static FailureKind ofStatus(int status) {
        return switch (status) {
            case 429 -> RATE_LIMITED;
            case 401, 403 -> PROVIDER_AUTH;
            case 404 -> DEPLOYMENT_MISSING;
            case 408, 504 -> PROVIDER_TIMEOUT;
            case 503, 529 -> OVERLOADED;
            default -> status >= 500 ? SERVER_ERROR : REQUEST_REJECTED;
        };
    }

    /** The kind of a call the edge's own timer ended: {@code first_token}, {@code idle} or {@code total}. */
    public static FailureKind ofTimer(String expired, boolean afterFirstByte) {
        if (afterFirstByte) {
            return STREAM_BROKEN;
        }
        return "total".equals(expired) ? TOTAL_TIMEOUT : FIRST_TOKEN_TIMEOUT;
    }
}
