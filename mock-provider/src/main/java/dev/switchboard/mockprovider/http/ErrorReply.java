package dev.switchboard.mockprovider.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error response in some vendor's shape.
 *
 * @param status  HTTP status
 * @param body    JSON body
 * @param headers extra response headers (e.g. {@code retry-after})
 */
public record ErrorReply(int status, String body, Map<String, String> headers) {

    public ErrorReply {
        headers = Map.copyOf(headers);
    }

    public ErrorReply(int status, String body) {
        this(status, body, Map.of());
    }

    public ErrorReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ErrorReply(status, body, more);
    }
}
