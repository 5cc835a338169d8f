package dev.switchboard.edge.provider;

import java.util.Map;

/**
 * One provider call as an adapter built it. {@code url} must lie under the candidate's registered base URL;
 * {@link UpstreamClient} refuses anything else, so no request field can redirect a call or its credential.
 */
public record UpstreamRequest(String url, Map<String, String> headers, byte[] body) {

    public UpstreamRequest {
        headers = Map.copyOf(headers);
    }
}
