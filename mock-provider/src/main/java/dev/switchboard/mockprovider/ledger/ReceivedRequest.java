package dev.switchboard.mockprovider.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * One HTTP request as the mock received it, before any auth or fault handling.
 *
 * @param receivedAt    arrival time
 * @param method        HTTP method
 * @param uri           path plus query string
 * @param headers       header names in lower case; repeated headers joined with ", "
 * @param body          raw request body ("" when empty)
 * @param correlationId value of {@code x-switchboard-request-id}, else {@code x-request-id}, else null
 */
public record ReceivedRequest(Instant receivedAt, String method, String uri, Map<String, String> headers,
                              String body, String correlationId) {

    public ReceivedRequest {
        headers = Map.copyOf(headers);
    }

    /** Header value by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Path without the query string. */
    public String path() {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }
}
