package dev.switchboard.edge.observability;

/**
 * Names of the fields an edge log line about a request carries. The edge adds them as SLF4J key-value pairs at
 * the log site (structured logging writes them as JSON fields): a reactive request hops threads, so an MDC
 * thread-local would leak from one request into another's lines.
 */
public final class RequestLogs {

    /** The request id the client sees in {@code x-request-id}; the servlet services log it under the same name. */
    public static final String REQUEST_ID = "request.id";
    public static final String TEAM_ID = "team.id";

    private RequestLogs() {
    }
}
