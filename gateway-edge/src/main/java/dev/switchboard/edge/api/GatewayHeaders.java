package dev.switchboard.edge.api;

import dev.switchboard.edge.pipeline.RequestExchange;
import org.springframework.http.HttpHeaders;

/** Names of the headers the gateway reads from clients and adds to responses and upstream requests. */
public final class GatewayHeaders {

    public static final String REQUEST_ID = "x-request-id";
    public static final String SERVED_PROVIDER = "x-switchboard-provider";
    public static final String SERVED_MODEL = "x-switchboard-model";
    public static final String ROUTE = "x-switchboard-route";
    /** Request header: the task hint route rules may match on (also accepted as {@code metadata.task}). */
    public static final String TASK = "x-switchboard-task";
    /** Request header: what keeps a caller on one arm of a split routed {@code stickyBy: request}. */
    public static final String STICKY_KEY = "x-switchboard-sticky-key";
    /** Response header: how many provider attempts serving the request took. */
    public static final String ATTEMPTS = "x-switchboard-attempts";
    /** Response header: {@code primary}, {@code retry}, {@code fallback} or {@code hedge}. */
    public static final String SERVED_BY = "x-switchboard-served-by";
    /** OpenAI's documented client-side request id header; lets a provider's logs be joined to ours. */
    public static final String UPSTREAM_REQUEST_ID = "X-Client-Request-Id";

    private GatewayHeaders() {
    }

    /** Adds how the answer was reached: the attempt count and whether a retry, fallback or hedge served it. */
    public static void attempts(HttpHeaders headers, RequestExchange exchange) {
        headers.set(ATTEMPTS, Integer.toString(exchange.attemptCount()));
        String servedBy = exchange.servedBy();
        if (servedBy != null) {
            headers.set(SERVED_BY, servedBy);
        }
    }
}
